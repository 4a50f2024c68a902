package io.scatter.messaging.transport;

import io.scatter.contracts.TaskMessage;
import io.scatter.engine.transport.TaskDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A task delivered from {@code scatter.tasks}; settling it acks, dead-letters or requeues the AMQP message. */
final class RabbitTaskDelivery implements TaskDelivery {

    private static final Logger log = LoggerFactory.getLogger(RabbitTaskDelivery.class);

    private final InboundMessage message;
    private final TaskMessage task;
    private final int attempt;

    RabbitTaskDelivery(InboundMessage message, TaskMessage task) {
        this.message = message;
        this.task = task;
        this.attempt = message.attempt();
    }

    @Override
    public TaskMessage task() {
        return task;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public void ack() {
        message.ack();
    }

    @Override
    public void reject(String reason) {
        message.deadLetter(reason);
    }

    /**
     * Returns the task to the queue; on its last allowed attempt it is dead-lettered instead, because the quorum queue
     * itself would deliver it once more than {@link io.scatter.engine.transport.TaskTransport#DELIVERY_LIMIT}.
     */
    @Override
    public void requeue() {
        if (attempt >= RabbitTaskTransport.DELIVERY_LIMIT) {
            log.warn("Dead-lettering {} instead of requeueing it: it reached the delivery limit", this);
            message.deadLetter(RabbitTaskTransport.deliveryLimitReason(attempt));
        } else {
            message.requeue();
        }
    }

    InboundMessage message() {
        return message;
    }

    @Override
    public String toString() {
        return "task " + task.taskIndex() + "/" + task.taskCount() + " of job " + task.jobId() + " (attempt " + attempt
                + ")";
    }
}
