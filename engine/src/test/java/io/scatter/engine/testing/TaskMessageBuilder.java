package io.scatter.engine.testing;

import io.scatter.contracts.TaskMessage;

import java.util.Map;
import java.util.UUID;

/**
 * Builds {@link TaskMessage}s for tests, e.g. {@code aTask().ofJob(jobId).index(2).of(5).build()}. Payload values are
 * strings, so they survive any wire format unchanged.
 */
public final class TaskMessageBuilder {

    private UUID jobId = UUID.randomUUID();
    private int index;
    private int count = 1;
    private String type = "contract-test";
    private Map<String, Object> payload = Map.of("label", "a task");

    private TaskMessageBuilder() {
    }

    public static TaskMessageBuilder aTask() {
        return new TaskMessageBuilder();
    }

    public TaskMessageBuilder ofJob(UUID jobId) {
        this.jobId = jobId;
        return this;
    }

    public TaskMessageBuilder index(int index) {
        this.index = index;
        return this;
    }

    public TaskMessageBuilder of(int count) {
        this.count = count;
        return this;
    }

    public TaskMessageBuilder type(String type) {
        this.type = type;
        return this;
    }

    public TaskMessageBuilder payload(Map<String, Object> payload) {
        this.payload = payload;
        return this;
    }

    public TaskMessage build() {
        return new TaskMessage(jobId, index, Math.max(count, index + 1), type, payload);
    }
}
