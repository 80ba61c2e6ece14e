-- A teacher's LLM providers. The key is stored only as AES-GCM ciphertext; key_hint is what the API shows.
CREATE TABLE llm_provider (
    id             VARCHAR(32)  PRIMARY KEY,
    owner_id       VARCHAR(32)  NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind           VARCHAR(16)  NOT NULL,
    base_url       VARCHAR(500),
    model          VARCHAR(200) NOT NULL,
    display_name   VARCHAR(100) NOT NULL,
    max_concurrent INT          NOT NULL,
    rpm            INT          NOT NULL,
    enabled        BOOLEAN      NOT NULL,
    key_cipher     TEXT         NOT NULL,
    key_hint       VARCHAR(40)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX llm_provider_owner ON llm_provider (owner_id, created_at);

-- Model replies by (model, prompt) hash: regrading unchanged work costs no tokens.
CREATE TABLE llm_cache (
    cache_key  VARCHAR(64) PRIMARY KEY,
    reply      TEXT        NOT NULL,
    tokens     INT         NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Tokens spent per task, and the task's panel settings.
ALTER TABLE task ADD COLUMN llm_tokens BIGINT NOT NULL DEFAULT 0;
ALTER TABLE task ADD COLUMN judge_provider_id VARCHAR(32);
ALTER TABLE task ADD COLUMN llm_samples INT NOT NULL DEFAULT 1;
