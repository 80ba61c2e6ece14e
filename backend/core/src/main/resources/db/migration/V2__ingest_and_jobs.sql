-- Problems, students and answers of a task, the uploads they came from, and jobs.
-- Rows link by surrogate uid so a teacher can fix a student's id without touching answers or grades.
-- revision columns count edits: a grade remembers the revisions it was computed from, so an edit makes
-- exactly the affected grades stale.

CREATE TABLE problem (
    uid               VARCHAR(32)  PRIMARY KEY,
    task_id           VARCHAR(32)  NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    problem_id        VARCHAR(40)  NOT NULL,
    position          INT          NOT NULL,
    number            VARCHAR(20)  NOT NULL,
    type              VARCHAR(16)  NOT NULL,
    type_reason       VARCHAR(500),
    stem              TEXT         NOT NULL,
    rubric            TEXT         NOT NULL,
    max_score         DOUBLE PRECISION NOT NULL,
    max_score_source  VARCHAR(16)  NOT NULL,
    reference_answer  TEXT,
    choices           TEXT         NOT NULL,
    correct_choices   TEXT         NOT NULL,
    test_cases        TEXT         NOT NULL,
    language          VARCHAR(8)   NOT NULL,
    revision          INT          NOT NULL
);
CREATE UNIQUE INDEX problem_task_id ON problem (task_id, problem_id);

CREATE TABLE student (
    uid             VARCHAR(32)  PRIMARY KEY,
    task_id         VARCHAR(32)  NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    student_id      VARCHAR(64)  NOT NULL,
    position        INT          NOT NULL,
    name            VARCHAR(100),
    source_file     VARCHAR(500) NOT NULL,
    identified_by   VARCHAR(16)  NOT NULL,
    flags           TEXT         NOT NULL,
    unmatched_text  TEXT         NOT NULL,
    raw_text        TEXT         NOT NULL
);
CREATE UNIQUE INDEX student_task_id ON student (task_id, student_id);

CREATE TABLE answer (
    uid          VARCHAR(32)  PRIMARY KEY,
    task_id      VARCHAR(32)  NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    student_uid  VARCHAR(32)  NOT NULL REFERENCES student (uid) ON DELETE CASCADE,
    problem_id   VARCHAR(40)  NOT NULL,
    text         TEXT         NOT NULL,
    flags        TEXT         NOT NULL,
    edited       BOOLEAN      NOT NULL DEFAULT FALSE,
    revision     INT          NOT NULL
);
CREATE UNIQUE INDEX answer_student_problem ON answer (student_uid, problem_id);
CREATE INDEX answer_task ON answer (task_id);

CREATE TABLE upload (
    task_id      VARCHAR(32)  NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    kind         VARCHAR(16)  NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    file_name    VARCHAR(500) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    job_id       VARCHAR(32)  NOT NULL,
    text         TEXT,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (task_id, kind, sha256)
);

CREATE TABLE job (
    id            VARCHAR(32)  PRIMARY KEY,
    task_id       VARCHAR(32)  NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    owner_id      VARCHAR(32)  NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    done          INT          NOT NULL,
    total         INT          NOT NULL,
    current_unit  VARCHAR(500),
    warnings      TEXT         NOT NULL,
    error         TEXT,
    input_file    VARCHAR(500),
    input_name    VARCHAR(500),
    payload       TEXT,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE,
    finished_at   TIMESTAMP WITH TIME ZONE,
    version       BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX job_task ON job (task_id);
CREATE INDEX job_status ON job (status);
