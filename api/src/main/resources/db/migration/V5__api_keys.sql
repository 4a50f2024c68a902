-- API keys (only a SHA-256 hash of each key is stored) and the key that owns each job.

CREATE TABLE api_keys (
    id            uuid        PRIMARY KEY,
    name          text        NOT NULL UNIQUE,
    secret_sha256 bytea       NOT NULL CHECK (length(secret_sha256) = 32),
    created_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz
);

COMMENT ON COLUMN api_keys.secret_sha256 IS 'SHA-256 of the whole key as sent in Authorization: Bearer; the key itself is never stored';

ALTER TABLE jobs ADD COLUMN owner_key_id uuid REFERENCES api_keys (id);

COMMENT ON COLUMN jobs.owner_key_id IS 'the API key that submitted the job; null when submitted with authentication off';

CREATE INDEX jobs_by_owner_newest_first ON jobs (owner_key_id, created_at DESC, id DESC);
