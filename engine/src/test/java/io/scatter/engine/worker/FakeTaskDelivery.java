package io.scatter.engine.worker;

import io.scatter.contracts.TaskMessage;
import io.scatter.engine.transport.TaskDelivery;

/** A task delivery that only records how it was settled. */
final class FakeTaskDelivery implements TaskDelivery {

    enum Settled { ACKED, REJECTED, REQUEUED, RETRIED, DEFERRED }

    private final TaskMessage task;
    private final int attempt;
    private final int returns;
    private final int maxAttempts;
    private volatile Settled settled;
    private String reason;
    private String worker;

    private FakeTaskDelivery(TaskMessage task, int attempt, int returns, int maxAttempts) {
        this.task = task;
        this.attempt = attempt;
        this.returns = returns;
        this.maxAttempts = maxAttempts;
    }

    static FakeTaskDelivery of(TaskMessage task) {
        return new FakeTaskDelivery(task, 1, 0, 5);
    }

    static FakeTaskDelivery redelivered(TaskMessage task, int attempt) {
        return new FakeTaskDelivery(task, attempt, 0, 5);
    }

    /** A delivery after {@code returns} deliveries that ended unsettled, its worker gone. */
    static FakeTaskDelivery returned(TaskMessage task, int returns) {
        return new FakeTaskDelivery(task, returns + 1, returns, 5);
    }

    /** Attempt {@code attempt} of {@code maxAttempts}. */
    static FakeTaskDelivery attempt(TaskMessage task, int attempt, int maxAttempts) {
        return new FakeTaskDelivery(task, attempt, 0, maxAttempts);
    }

    @Override
    public int returns() {
        return returns;
    }

    @Override
    public int maxAttempts() {
        return maxAttempts;
    }

    @Override
    public void retry(String reason, String worker) {
        settle(Settled.RETRIED);
        this.reason = reason;
        this.worker = worker;
    }

    @Override
    public void defer() {
        settle(Settled.DEFERRED);
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

    private synchronized void settle(Settled how) {
        if (settled != null) {
            throw new IllegalStateException("already " + settled);
        }
        settled = how;
    }
}
