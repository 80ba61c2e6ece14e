-- Uploaded files' bytes in the database every replica shares (ingest/DatabaseUploadStore, SMARTAI_UPLOADS=db).
-- A deleted task's uploads go with it.
CREATE TABLE upload_content (
    task_id     VARCHAR(32) NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    sha256      VARCHAR(64) NOT NULL,
    size_bytes  BIGINT      NOT NULL,
    content     BYTEA       NOT NULL,
    stored_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (task_id, sha256)
);
