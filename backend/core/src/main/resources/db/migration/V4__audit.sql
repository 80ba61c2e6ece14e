-- Who changed what and when, with the state before and after (JSON).
CREATE TABLE audit (
    id          VARCHAR(32)  PRIMARY KEY,
    task_id     VARCHAR(32)  NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    by_user     VARCHAR(64)  NOT NULL,
    action      VARCHAR(40)  NOT NULL,
    target      VARCHAR(200) NOT NULL,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX audit_task ON audit (task_id, at);
