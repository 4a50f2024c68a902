package io.scatter.api.job;

import io.scatter.engine.store.TaskStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * One task of a job as clients see it; worker, attempts, times and error are those of the result that counted.
 *
 * @param index      the task's place in its job, from 0
 * @param status     QUEUED until its result counts, then SUCCEEDED or FAILED; CANCELLED with its job
 * @param worker     the worker whose result counted, or null
 * @param attempts   the delivery attempt that produced that result (1 for the first), 0 before
 * @param startedAt  when that worker started computing it, or null
 * @param finishedAt when it finished computing it, or null
 * @param durationMs finishedAt minus startedAt in milliseconds, or null
 * @param error      why it FAILED, else null
 */
@Schema(description = "A task of a job, with where and when it ran")
public record TaskDocument(int index, TaskStatus status, String worker, int attempts, Instant startedAt,
                           Instant finishedAt, Long durationMs, String error) {
}
