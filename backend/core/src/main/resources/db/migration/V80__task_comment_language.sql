-- The language of the comments to students for the whole task ('zh' or 'en'); null keeps each problem's own, so one
-- student's page can be written in one language.
ALTER TABLE task ADD COLUMN comment_language VARCHAR(2);
