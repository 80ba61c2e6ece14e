-- Grading attempts of one answer that have not ended in a stored grade. A unit that has started twice without
-- finishing (it crashed the server, or failed each time) is not tried again: it is stored as a grade with no score
-- and a review reason, so a poisoned answer can never block the start-up or a job.
CREATE TABLE unit_attempt (
    unit_key    VARCHAR(80)  PRIMARY KEY,
    task_id     VARCHAR(32)  NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    input_hash  VARCHAR(64)  NOT NULL,
    attempts    INT          NOT NULL,
    last_error  VARCHAR(1000),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX unit_attempt_task ON unit_attempt (task_id);
