-- Dead letters: the messages of scatter.tasks.dead-letter, stored by the API as it takes them off the queue (in the
-- transaction that also fails their task's job), to be listed and retried. No foreign key to jobs: a dead letter may
-- name a job this database does not have, or (when it is not a readable task) none.

CREATE TABLE dead_letters (
    id               uuid        PRIMARY KEY,
    message_id       text        NOT NULL UNIQUE,
    job_id           uuid,
    task_index       integer     CHECK (task_index >= 0),
    job_type         text,
    reason           text        NOT NULL,
    attempts         integer     NOT NULL CHECK (attempts >= 1),
    worker           text,
    dead_lettered_at timestamptz NOT NULL,
    payload          jsonb,
    status           text        NOT NULL DEFAULT 'DEAD' CHECK (status IN ('DEAD', 'RETRIED')),
    failed_job       boolean     NOT NULL DEFAULT false,
    received_at      timestamptz NOT NULL DEFAULT now(),
    retried_at       timestamptz,
    CHECK ((job_id IS NULL) = (task_index IS NULL)),
    CHECK ((status = 'RETRIED') = (retried_at IS NOT NULL))
);

COMMENT ON TABLE dead_letters IS 'tasks dead-lettered by a worker or the broker (rejected, malformed, past the delivery limit)';
COMMENT ON COLUMN dead_letters.message_id IS 'the dead-lettered message''s id (the task''s CloudEvent id): a dead letter delivered twice is stored once';
COMMENT ON COLUMN dead_letters.job_id IS 'the task''s job; null when the message is not a readable task';
COMMENT ON COLUMN dead_letters.worker IS 'the worker that rejected the task (x-scatter-worker), or null when the broker or the adapter dead-lettered it';
COMMENT ON COLUMN dead_letters.payload IS 'the task''s payload; null when the message is not a readable task';
COMMENT ON COLUMN dead_letters.failed_job IS 'whether this dead letter failed its job (its FAILED result was the one that counted)';
COMMENT ON COLUMN dead_letters.status IS 'DEAD until its task is put back on the queue by a retry, then RETRIED';

CREATE INDEX dead_letters_newest_first ON dead_letters (dead_lettered_at DESC, id DESC);
CREATE INDEX dead_letters_by_job_newest_first ON dead_letters (job_id, dead_lettered_at DESC, id DESC);
CREATE INDEX dead_letters_by_status_newest_first ON dead_letters (status, dead_lettered_at DESC, id DESC);
