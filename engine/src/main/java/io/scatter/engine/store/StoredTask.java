package io.scatter.engine.store;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A task as stored, read-only; the fields after {@code payload} are set once the task finished.
 *
 * @param result   the task's result once SUCCEEDED, else null
 * @param error    why the task failed once FAILED, else null
 * @param worker   the worker whose result counted, or null
 * @param attempt  the delivery attempt that result came from, or 0
 */
public record StoredTask(UUID jobId, int taskIndex, TaskStatus status, Map<String, Object> payload,
                         Map<String, Object> result, String error, String worker, int attempt, Instant startedAt,
                         Instant finishedAt) {
}
