-- The rubric items (numbers from 1) a teacher's group decision gave, so that a later change of those items' points
-- moves the grade with it.
ALTER TABLE grade ADD COLUMN override_rubric TEXT;
