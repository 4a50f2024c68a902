package io.scatter.messaging.transport;

import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.transport.ResultDelivery;

/** A result delivered from {@code scatter.results}; settling it acks, dead-letters or requeues the AMQP message. */
final class RabbitResultDelivery implements ResultDelivery {

    private final InboundMessage message;
    private final String messageId;
    private final TaskResultMessage result;

    RabbitResultDelivery(InboundMessage message, String messageId, TaskResultMessage result) {
        this.message = message;
        this.messageId = messageId;
        this.result = result;
    }

    @Override
    public String messageId() {
        return messageId;
    }

    @Override
    public TaskResultMessage result() {
        return result;
    }

    @Override
    public void ack() {
        message.ack();
    }

    @Override
    public void reject(String reason) {
        message.deadLetter(reason);
    }

    /** Returns the result to the queue; on its last allowed delivery it is dead-lettered instead. */
    @Override
    public void requeue() {
        message.requeueWithinLimit(message.attempt());
    }

    InboundMessage message() {
        return message;
    }

    @Override
    public String toString() {
        return "result " + messageId + " of task " + result.taskIndex() + " of job " + result.jobId();
    }
}
