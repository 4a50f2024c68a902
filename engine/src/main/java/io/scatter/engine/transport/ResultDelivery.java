package io.scatter.engine.transport;

import io.scatter.contracts.TaskResultMessage;

/** One delivery of a task's result to the aggregator, to be settled exactly once. */
public interface ResultDelivery {

    /** The id the result was published under; the same on every redelivery of this message. */
    String messageId();

    TaskResultMessage result();

    /** The result is applied (committed); it leaves the queue. */
    void ack();

    /** The result can never be applied; it is dead-lettered with {@code reason}. */
    void reject(String reason);

    /** The result goes back to the queue to be delivered again. */
    void requeue();
}
