package io.scatter.api.job;

import io.scatter.core.job.JobStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A job as clients see it.
 *
 * @param id         the job's id
 * @param type       the job type's name
 * @param status     where the job is in its lifecycle
 * @param input      the input, normalised by the job type
 * @param options    the options, with the job type's defaults filled in
 * @param progress   how many of its tasks are done
 * @param result     the combined result once SUCCEEDED, else null
 * @param error      why the job failed once FAILED, else null
 * @param createdAt  when the job was accepted
 * @param startedAt  when its first task started, or null
 * @param finishedAt when it ended, or null
 * @param traceId    the W3C trace id of the request that submitted it, under which its tasks and results are traced;
 *                   null when tracing is off
 */
@Schema(description = "A job and its progress")
public record JobDocument(UUID id, String type, JobStatus status, Map<String, Object> input,
                          Map<String, Object> options, Progress progress, Map<String, Object> result, String error,
                          Instant createdAt, Instant startedAt, Instant finishedAt, String traceId) {

    /**
     * How far a job got.
     *
     * @param tasksTotal the number of tasks it was split into
     * @param tasksDone  how many of them succeeded
     * @param percent    tasksDone as a whole percentage, rounded down
     */
    public record Progress(int tasksTotal, int tasksDone, int percent) {

        static Progress of(int tasksTotal, int tasksDone) {
            return new Progress(tasksTotal, tasksDone, (int) ((long) tasksDone * 100 / tasksTotal));
        }
    }
}
