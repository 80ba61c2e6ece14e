-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL: keep to the SQL both understand.
CREATE TABLE account (
    id              VARCHAR(32)  PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL,
    display_name    VARCHAR(100),
    password_hash   VARCHAR(200) NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    disabled        BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at   TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX account_username ON account (username);

CREATE TABLE api_token (
    token_hash  VARCHAR(64) PRIMARY KEY,
    account_id  VARCHAR(32) NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_token_account ON api_token (account_id);

CREATE TABLE task (
    id              VARCHAR(32)  PRIMARY KEY,
    owner_id        VARCHAR(32)  NOT NULL REFERENCES account (id),
    name            VARCHAR(200) NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    pass_threshold  DOUBLE PRECISION NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX task_owner ON task (owner_id);
