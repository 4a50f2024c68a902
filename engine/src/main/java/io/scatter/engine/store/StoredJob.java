package io.scatter.engine.store;

import io.scatter.core.job.JobStatus;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A job as stored, read-only: what a status document is made of.
 *
 * @param type   the job type's name
 * @param result the combined result once SUCCEEDED, else null
 * @param error  why the job failed once FAILED, else null
 */
public record StoredJob(UUID id, String type, JobStatus status, Map<String, Object> input, Map<String, Object> options,
                        int tasksTotal, int tasksDone, Map<String, Object> result, String error, Instant createdAt,
                        Instant startedAt, Instant finishedAt) {
}
