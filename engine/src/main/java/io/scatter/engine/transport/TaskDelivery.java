package io.scatter.engine.transport;

import io.scatter.contracts.TaskMessage;

import java.util.Map;

/** One delivery of a task to a worker, to be settled exactly once. */
public interface TaskDelivery {

    TaskMessage task();

    /** 1 for the first delivery of this task, 2 for the second (after a retry or a return), and so on. */
    int attempt();

    /**
     * How many deliveries of this task since its last failed attempt (or since it was published) ended unsettled —
     * the worker holding it died, hung or lost its connection; 0 where the transport cannot tell. A task with returns
     * may be what killed those workers.
     */
    default int returns() {
        return 0;
    }

    /** The attempts a task is allowed: after a failure on the last one it is dead-lettered instead of retried. */
    default int maxAttempts() {
        return Integer.MAX_VALUE;
    }

    /**
     * The trace context the task's message carries, as W3C Trace Context fields ({@code traceparent} and, when set,
     * {@code tracestate}); empty where the transport carries none.
     */
    default Map<String, String> traceContext() {
        return Map.of();
    }

    /** The task is done (its result is published); it leaves the queue. */
    void ack();

    /** The task can never be computed; it is dead-lettered with {@code reason} and never delivered again. */
    void reject(String reason);

    /**
     * As {@link #reject(String)}, by worker {@code worker}, which the dead letter records where the transport carries
     * it (RabbitMQ: the {@code x-scatter-worker} header); other transports drop the name.
     */
    default void reject(String reason, String worker) {
        reject(reason);
    }

    /** The task goes back to the queue to be delivered again (counts toward the delivery limit). */
    void requeue();

    /**
     * The task failed in a way another attempt may cure: it goes back to the queue for another attempt, counted, or —
     * when this was its {@linkplain #maxAttempts() last} — is dead-lettered with {@code reason} by {@code worker}.
     */
    default void retry(String reason, String worker) {
        if (attempt() >= maxAttempts()) {
            reject(reason, worker);
        } else {
            requeue();
        }
    }

    /**
     * This worker must not take the task now: it goes to the back of the queue for whoever comes next, without
     * counting this delivery where the transport can (else as {@link #requeue()}).
     */
    default void defer() {
        requeue();
    }
}
