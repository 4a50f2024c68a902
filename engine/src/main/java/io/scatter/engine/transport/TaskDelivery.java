package io.scatter.engine.transport;

import io.scatter.contracts.TaskMessage;

/** One delivery of a task to a worker, to be settled exactly once. */
public interface TaskDelivery {

    TaskMessage task();

    /** 1 for the first delivery of this task, 2 for the first redelivery, and so on. */
    int attempt();

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
}
