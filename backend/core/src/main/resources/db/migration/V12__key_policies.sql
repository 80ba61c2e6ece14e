-- The grading rules an answer key states for a problem (KeyPolicy, JSON), for the graders to apply.
ALTER TABLE problem ADD COLUMN policies TEXT NOT NULL DEFAULT '[]';
