-- A task's class roster, uploaded from an LMS or a spreadsheet: who should have handed in, and their LMS ids.
CREATE TABLE roster_entry (
    task_id    VARCHAR(32)  NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    position   INTEGER      NOT NULL,
    student_id VARCHAR(64),
    name       VARCHAR(200),
    email      VARCHAR(320),
    lms_id     VARCHAR(100),
    PRIMARY KEY (task_id, position)
);
