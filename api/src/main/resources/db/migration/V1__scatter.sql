-- Scatter API schema: jobs and their tasks, the transactional outbox, and the idempotent result inbox.

CREATE TABLE jobs (
    id                  uuid        PRIMARY KEY,
    type                text        NOT NULL,
    status              text        NOT NULL
                        CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    input               jsonb       NOT NULL,
    options             jsonb       NOT NULL,
    tasks_total         integer     NOT NULL CHECK (tasks_total > 0),
    tasks_done          integer     NOT NULL DEFAULT 0 CHECK (tasks_done BETWEEN 0 AND tasks_total),
    result              jsonb       NOT NULL,
    error               text,
    idempotency_key     text        UNIQUE,
    request_fingerprint text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    started_at          timestamptz,
    finished_at         timestamptz
);

COMMENT ON COLUMN jobs.result IS 'the combined result of the tasks done so far; the job''s result once SUCCEEDED';
COMMENT ON COLUMN jobs.request_fingerprint IS 'SHA-256 of the canonical request body, to detect a reused Idempotency-Key';

CREATE INDEX jobs_newest_first ON jobs (created_at DESC, id DESC);
CREATE INDEX jobs_by_status_newest_first ON jobs (status, created_at DESC, id DESC);

CREATE TABLE tasks (
    job_id      uuid        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    task_index  integer     NOT NULL CHECK (task_index >= 0),
    status      text        NOT NULL CHECK (status IN ('QUEUED', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    payload     jsonb       NOT NULL,
    result      jsonb,
    attempts    integer     NOT NULL DEFAULT 0,
    worker      text,
    started_at  timestamptz,
    finished_at timestamptz,
    duration_ms bigint,
    error       text,
    PRIMARY KEY (job_id, task_index)
);

CREATE TABLE outbox (
    id          uuid        PRIMARY KEY,
    type        text        NOT NULL,
    exchange    text        NOT NULL,
    routing_key text        NOT NULL,
    subject     text        NOT NULL,
    payload     jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    seq         bigint      GENERATED ALWAYS AS IDENTITY,
    sent_at     timestamptz
);

COMMENT ON COLUMN outbox.id IS 'the CloudEvent id of the message';
COMMENT ON COLUMN outbox.payload IS 'the CloudEvent data';
COMMENT ON COLUMN outbox.seq IS 'keeps the order of rows written in one transaction';

CREATE INDEX outbox_unsent ON outbox (created_at, seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_unsent_by_subject ON outbox (subject) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;

CREATE TABLE inbox (
    message_id  text        PRIMARY KEY,
    type        text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
