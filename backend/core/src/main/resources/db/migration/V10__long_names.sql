-- File names of any length are kept whole (pages shorten them for display): a 500-character archive entry or a
-- 5,000-character upload name must not fail an import.
ALTER TABLE student ALTER COLUMN source_file SET DATA TYPE TEXT;
ALTER TABLE upload ALTER COLUMN file_name SET DATA TYPE TEXT;
ALTER TABLE job ALTER COLUMN input_name SET DATA TYPE TEXT;
ALTER TABLE job ALTER COLUMN input_file SET DATA TYPE TEXT;
