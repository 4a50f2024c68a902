package io.scatter.engine.worker;

import io.scatter.contracts.TaskMessage;
import io.scatter.engine.transport.TaskDelivery;

/** A task delivery that only records how it was settled. */
final class FakeTaskDelivery implements TaskDelivery {

    enum Settled { ACKED, REJECTED, REQUEUED }

    private final TaskMessage task;
    private final int attempt;
    private Settled settled;
    private String reason;
    private String worker;

    private FakeTaskDelivery(TaskMessage task, int attempt) {
        this.task = task;
        this.attempt = attempt;
    }

    static FakeTaskDelivery of(TaskMessage task) {
        return new FakeTaskDelivery(task, 1);
    }

    static FakeTaskDelivery redelivered(TaskMessage task, int attempt) {
        return new FakeTaskDelivery(task, attempt);
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
        settle(Settled.ACKED);
    }

    @Override
    public void reject(String reason) {
        settle(Settled.REJECTED);
        this.reason = reason;
    }

    @Override
    public void reject(String reason, String worker) {
        reject(reason);
        this.worker = worker;
    }

    @Override
    public void requeue() {
        settle(Settled.REQUEUED);
    }

    Settled settled() {
        return settled;
    }

    String reason() {
        return reason;
    }

    /** The worker that rejected the task, when it said. */
    String worker() {
        return worker;
    }

    private void settle(Settled how) {
        if (settled != null) {
            throw new IllegalStateException("already " + settled);
        }
        settled = how;
    }
}
