package io.scatter.contracts;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One task of a job, sent from the API to the workers.
 *
 * @param jobId     the job this task belongs to (also the CloudEvent {@code subject})
 * @param taskIndex 0-based position of the task within its job
 * @param taskCount number of tasks the job was split into
 * @param jobType   name of the job type that computes the payload, e.g. {@code prime-count}
 * @param payload   the job type's task input as a JSON object, e.g. {@code {"from":0,"to":99999,"algorithm":"sieve"}}
 */
public record TaskMessage(UUID jobId, int taskIndex, int taskCount, String jobType, Map<String, Object> payload) {

    /** CloudEvent type of this message. */
    public static final String TYPE = "scatter.task.v1";
    /** Exchange the API publishes tasks to. */
    public static final String EXCHANGE = Channels.TASKS_EXCHANGE;
    /** Routing key of tasks on {@link #EXCHANGE}. */
    public static final String ROUTING_KEY = Channels.TASKS_QUEUE;

    public TaskMessage {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(jobType, "jobType");
        payload = Map.copyOf(Objects.requireNonNull(payload, "payload"));
        if (taskIndex < 0 || taskIndex >= taskCount) {
            throw new IllegalArgumentException("taskIndex " + taskIndex + " outside 0.." + (taskCount - 1));
        }
    }
}
