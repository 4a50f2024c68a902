package io.scatter.engine.testing;

import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;

import java.time.Instant;
import java.util.Map;

/**
 * Builds {@link TaskResultMessage}s for tests, e.g. {@code aResultOf(task).withResult(Map.of("sum", 3L)).build()} or
 * {@code aResultOf(task).failedWith("boom").build()}.
 */
public final class TaskResultBuilder {

    private static final Instant STARTED = Instant.parse("2024-01-01T00:00:00Z");

    private final TaskMessage task;
    private Map<String, Object> result = Map.of("label", "done");
    private String error;
    private String worker = "test-worker";
    private int attempt = 1;
    private Instant startedAt = STARTED;
    private Instant finishedAt = STARTED.plusMillis(5);

    private TaskResultBuilder(TaskMessage task) {
        this.task = task;
    }

    public static TaskResultBuilder aResultOf(TaskMessage task) {
        return new TaskResultBuilder(task);
    }

    public TaskResultBuilder withResult(Map<String, Object> result) {
        this.result = result;
        this.error = null;
        return this;
    }

    public TaskResultBuilder failedWith(String error) {
        this.error = error;
        return this;
    }

    public TaskResultBuilder byWorker(String worker) {
        this.worker = worker;
        return this;
    }

    public TaskResultBuilder attempt(int attempt) {
        this.attempt = attempt;
        return this;
    }

    public TaskResultBuilder finishedAt(Instant finishedAt) {
        this.finishedAt = finishedAt;
        if (startedAt.isAfter(finishedAt)) {
            startedAt = finishedAt;
        }
        return this;
    }

    public TaskResultMessage build() {
        return error == null
                ? TaskResultMessage.succeeded(task, result, worker, attempt, startedAt, finishedAt)
                : TaskResultMessage.failed(task, error, worker, attempt, startedAt, finishedAt);
    }
}
