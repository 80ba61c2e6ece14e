-- Grading jobs whose units are on the broker (SMARTAI_QUEUE=rabbitmq). A replica that takes over such a job finds its
-- units still queued and does not publish them again; a pause removes the row, so the resume publishes what is left.
CREATE TABLE unit_publication (
    job_id        VARCHAR(32) PRIMARY KEY REFERENCES job (id) ON DELETE CASCADE,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
