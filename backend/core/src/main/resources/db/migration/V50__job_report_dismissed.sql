-- An upload's report (what was read, skipped and why, failures) stays on the task page until the teacher dismisses it.
ALTER TABLE job ADD COLUMN dismissed_at TIMESTAMP WITH TIME ZONE;
