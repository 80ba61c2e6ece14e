-- At most one row, ever: the first account becomes the administrator by inserting it, so concurrent first
-- registrations cannot all become administrators (the others fail on the primary key).
CREATE TABLE first_admin (
    id          INT          PRIMARY KEY CHECK (id = 1),
    account_id  VARCHAR(32)  NOT NULL REFERENCES account (id) ON DELETE CASCADE
);
INSERT INTO first_admin (id, account_id)
    SELECT 1, id FROM account WHERE role = 'ADMIN' ORDER BY created_at, id LIMIT 1;

-- Sharing needs the invitee's consent: the owner invites a user name (whether or not such an account exists, so the
-- answer reveals nothing), and only an accepted invitation makes a member.
CREATE TABLE task_invitation (
    task_id     VARCHAR(32)  NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    username    VARCHAR(64)  NOT NULL,
    invited_by  VARCHAR(32)  NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    invited_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (task_id, username)
);
CREATE INDEX task_invitation_username ON task_invitation (username);
