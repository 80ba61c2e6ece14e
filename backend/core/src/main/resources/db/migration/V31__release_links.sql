-- Links that show one student their report without a login: only the token's SHA-256 is kept; each view is logged.
CREATE TABLE release_link (
    token_hash VARCHAR(64)  PRIMARY KEY,
    task_id    VARCHAR(32)  NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    student_id VARCHAR(64)  NOT NULL,
    created_by VARCHAR(32)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX release_link_task ON release_link (task_id, student_id);

CREATE TABLE release_access (
    id         VARCHAR(32)  PRIMARY KEY,
    token_hash VARCHAR(64)  NOT NULL REFERENCES release_link (token_hash) ON DELETE CASCADE,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    address    VARCHAR(64)
);
CREATE INDEX release_access_link ON release_access (token_hash);
