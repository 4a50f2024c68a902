-- Tracing: the trace a job was submitted in, and the trace context of the transaction that wrote each outbox row, so
-- the relay's publish span joins that trace. Null when tracing is off.

ALTER TABLE jobs ADD COLUMN trace_id text;
ALTER TABLE outbox ADD COLUMN traceparent text;
ALTER TABLE outbox ADD COLUMN tracestate text;

COMMENT ON COLUMN jobs.trace_id IS 'the W3C trace id of the request that submitted the job; null when it was not traced';
COMMENT ON COLUMN outbox.traceparent IS 'the W3C traceparent of the transaction that queued the message; null when not traced';
COMMENT ON COLUMN outbox.tracestate IS 'the W3C tracestate that came with traceparent, if any';
