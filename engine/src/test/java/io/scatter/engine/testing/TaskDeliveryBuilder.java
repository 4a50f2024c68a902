package io.scatter.engine.testing;

import io.scatter.contracts.TaskMessage;
import io.scatter.engine.transport.TaskDelivery;

import java.util.Map;

/**
 * Builds {@link TaskDelivery}s whose settlements go nowhere, for tests of what observes a delivery, e.g.
 * {@code aDeliveryOf(task).attempt(2).traceContext(Map.of("traceparent", parent)).build()}.
 */
public final class TaskDeliveryBuilder {

    private final TaskMessage task;
    private int attempt = 1;
    private Map<String, String> traceContext = Map.of();

    private TaskDeliveryBuilder(TaskMessage task) {
        this.task = task;
    }

    public static TaskDeliveryBuilder aDeliveryOf(TaskMessage task) {
        return new TaskDeliveryBuilder(task);
    }

    public TaskDeliveryBuilder attempt(int attempt) {
        this.attempt = attempt;
        return this;
    }

    public TaskDeliveryBuilder traceContext(Map<String, String> traceContext) {
        this.traceContext = Map.copyOf(traceContext);
        return this;
    }

    public TaskDelivery build() {
        return new Unsettled(task, attempt, traceContext);
    }

    private record Unsettled(TaskMessage task, int attempt, Map<String, String> traceContext) implements TaskDelivery {

        @Override
        public void ack() {
        }

        @Override
        public void reject(String reason) {
        }

        @Override
        public void requeue() {
        }
    }
}
