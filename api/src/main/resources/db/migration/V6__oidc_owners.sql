-- A job's owner is now an API key or an OIDC subject, so owner_key_id no longer references api_keys.

ALTER TABLE jobs DROP CONSTRAINT IF EXISTS jobs_owner_key_id_fkey;

COMMENT ON COLUMN jobs.owner_key_id IS 'who submitted the job: an API key''s id, or for an OIDC JWT a name-based UUID of issuer and sub; null when submitted with authentication off';
