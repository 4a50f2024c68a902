package io.scatter.messaging.transport;

import io.scatter.contracts.TaskMessage;
import io.scatter.engine.transport.TaskDelivery;

import java.util.Map;

/** A task delivered from {@code scatter.tasks}; settling it acks, dead-letters or requeues the AMQP message. */
final class RabbitTaskDelivery implements TaskDelivery {

    private final InboundMessage message;
    private final TaskMessage task;
    private final int attempt;
    private final Map<String, String> traceContext;

    /** A delivery whose message carried {@code traceContext} (the CloudEvents Distributed Tracing extension). */
    RabbitTaskDelivery(InboundMessage message, TaskMessage task, Map<String, String> traceContext) {
        this.message = message;
        this.task = task;
        this.attempt = message.attempt();
        this.traceContext = Map.copyOf(traceContext);
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
    public Map<String, String> traceContext() {
        return traceContext;
    }

    @Override
    public void ack() {
        message.ack();
    }

    @Override
    public void reject(String reason) {
        message.deadLetter(reason);
    }

    /** Dead-letters the task with {@code reason}, the copy naming {@code worker} in the {@code x-scatter-worker} header. */
    @Override
    public void reject(String reason, String worker) {
        message.deadLetter(reason, worker);
    }

    @Override
    public int returns() {
        return message.returns();
    }

    @Override
    public int maxAttempts() {
        return RabbitTaskTransport.DELIVERY_LIMIT;
    }

    /**
     * Puts a copy of the task, counted, at the back of the queue and acks this delivery; on its last allowed attempt
     * the task is dead-lettered instead, with {@code reason} and {@code worker}.
     */
    @Override
    public void retry(String reason, String worker) {
        message.retry(attempt, reason, worker);
    }

    /** Puts a copy of the task at the back of the queue without counting this delivery, and acks this delivery. */
    @Override
    public void defer() {
        message.defer();
    }

    /** Returns the task to the queue; on its last allowed delivery it is dead-lettered instead. */
    @Override
    public void requeue() {
        message.requeueWithinLimit(attempt);
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
