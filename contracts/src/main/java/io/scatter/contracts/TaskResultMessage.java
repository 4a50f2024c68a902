package io.scatter.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The outcome of one task, sent from a worker to the API.
 *
 * @param jobId      the job the task belongs to (also the CloudEvent {@code subject})
 * @param taskIndex  0-based position of the task within its job
 * @param jobType    name of the job type that computed it
 * @param outcome    whether the computation succeeded
 * @param result     the job type's task result as a JSON object when SUCCEEDED (e.g. {@code {"count":9592}}), else empty
 * @param error      a one-line reason when FAILED, else null
 * @param worker     name of the worker that computed it
 * @param attempt    1 for the first delivery of the task, 2 for the first redelivery, and so on
 * @param startedAt  when the worker started computing
 * @param finishedAt when the worker finished computing
 */
public record TaskResultMessage(UUID jobId, int taskIndex, String jobType, Outcome outcome,
                                Map<String, Object> result, String error, String worker, int attempt,
                                Instant startedAt, Instant finishedAt) {

    /** CloudEvent type of this message. */
    public static final String TYPE = "scatter.task-result.v1";
    /** Exchange the workers publish results to. */
    public static final String EXCHANGE = Channels.RESULTS_EXCHANGE;
    /** Routing key of results on {@link #EXCHANGE}. */
    public static final String ROUTING_KEY = Channels.RESULTS_QUEUE;

    /** How a task ended on the worker. */
    public enum Outcome { SUCCEEDED, FAILED }

    public TaskResultMessage {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(jobType, "jobType");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        result = result == null ? Map.of() : Map.copyOf(result);
        if (outcome == Outcome.FAILED && (error == null || error.isBlank())) {
            throw new IllegalArgumentException("a FAILED result needs an error");
        }
    }

    /** A successful result. */
    public static TaskResultMessage succeeded(TaskMessage task, Map<String, Object> result, String worker, int attempt,
                                              Instant startedAt, Instant finishedAt) {
        return new TaskResultMessage(task.jobId(), task.taskIndex(), task.jobType(), Outcome.SUCCEEDED, result, null,
                worker, attempt, startedAt, finishedAt);
    }

    /** A failed result carrying a one-line reason. */
    public static TaskResultMessage failed(TaskMessage task, String error, String worker, int attempt,
                                           Instant startedAt, Instant finishedAt) {
        return new TaskResultMessage(task.jobId(), task.taskIndex(), task.jobType(), Outcome.FAILED, Map.of(), error,
                worker, attempt, startedAt, finishedAt);
    }
}
