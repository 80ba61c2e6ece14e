-- Machine grades, the teacher's override beside them, and a cache of grader results by input.
CREATE TABLE grade (
    uid               VARCHAR(32)  PRIMARY KEY,
    task_id           VARCHAR(32)  NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    student_uid       VARCHAR(32)  NOT NULL REFERENCES student (uid) ON DELETE CASCADE,
    problem_id        VARCHAR(40)  NOT NULL,
    score             DOUBLE PRECISION,
    max_score         DOUBLE PRECISION NOT NULL,
    confidence        DOUBLE PRECISION NOT NULL,
    method            VARCHAR(16)  NOT NULL,
    review_reasons    TEXT         NOT NULL,
    comment           TEXT,
    evidence          TEXT         NOT NULL,
    experts           TEXT         NOT NULL,
    problem_revision  INT          NOT NULL,
    answer_revision   INT          NOT NULL,
    input_hash        VARCHAR(64)  NOT NULL,
    graded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    override_score    DOUBLE PRECISION,
    override_comment  TEXT,
    override_by       VARCHAR(64),
    override_at       TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX grade_student_problem ON grade (student_uid, problem_id);
CREATE INDEX grade_task ON grade (task_id);

CREATE TABLE grade_cache (
    input_hash  VARCHAR(64) PRIMARY KEY,
    result      TEXT        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
