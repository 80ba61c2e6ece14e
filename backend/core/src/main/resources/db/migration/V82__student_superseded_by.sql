-- A student's earlier file when the same student handed in another one: kept, shown beside the graded file, never
-- graded on its own. NULL for every graded sheet.
ALTER TABLE student ADD COLUMN superseded_by VARCHAR(32);
CREATE INDEX student_superseded_by ON student (superseded_by);
