package io.scatter.engine.local;

import io.scatter.core.job.JobStatus;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A job as clients see it, with the same fields as the HTTP API's job document ({@code GET /api/v1/jobs/{id}}).
 *
 * @param progress tasks done out of tasks total
 * @param result   the combined result once SUCCEEDED, else null
 * @param error    why the job failed once FAILED, else null
 */
public record JobSnapshot(UUID id, String type, JobStatus status, Map<String, Object> input,
                          Map<String, Object> options, Progress progress, Map<String, Object> result, String error,
                          Instant createdAt, Instant startedAt, Instant finishedAt) {

    /**
     * How far a job got.
     *
     * @param percent tasksDone as a whole percentage, rounded down
     */
    public record Progress(int tasksTotal, int tasksDone, int percent) {

        public static Progress of(int tasksTotal, int tasksDone) {
            return new Progress(tasksTotal, tasksDone, (int) ((long) tasksDone * 100 / tasksTotal));
        }
    }
}
