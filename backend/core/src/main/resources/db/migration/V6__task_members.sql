-- Teachers and TAs who share a task with its owner: they see and grade it; only the owner manages who.
CREATE TABLE task_member (
    task_id    VARCHAR(32) NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    account_id VARCHAR(32) NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (task_id, account_id)
);
CREATE INDEX task_member_account ON task_member (account_id);
