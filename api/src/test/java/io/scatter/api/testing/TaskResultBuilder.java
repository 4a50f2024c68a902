package io.scatter.api.testing;

import io.cloudevents.CloudEvent;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.messaging.ScatterEvents;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Builds task result CloudEvents as a worker would publish them; by default a success counting 0 primes. */
public final class TaskResultBuilder {

    private String messageId = ScatterEvents.newId();
    private UUID jobId = UUID.randomUUID();
    private int taskIndex;
    private String jobType = "prime-count";
    private TaskResultMessage.Outcome outcome = TaskResultMessage.Outcome.SUCCEEDED;
    private Map<String, Object> result = Map.of("count", 0);
    private String error;
    private String worker = "test-worker";
    private int attempt = 1;
    private Instant startedAt = Instant.parse("2030-01-01T00:00:00Z");
    private Instant finishedAt = Instant.parse("2030-01-01T00:00:01Z");

    private TaskResultBuilder() {
    }

    public static TaskResultBuilder aResult() {
        return new TaskResultBuilder();
    }

    public TaskResultBuilder messageId(String value) {
        messageId = value;
        return this;
    }

    public TaskResultBuilder job(String id) {
        jobId = UUID.fromString(id);
        return this;
    }

    public TaskResultBuilder task(int index) {
        taskIndex = index;
        return this;
    }

    public TaskResultBuilder jobType(String value) {
        jobType = value;
        return this;
    }

    public TaskResultBuilder result(Map<String, Object> value) {
        result = value;
        return this;
    }

    public TaskResultBuilder failed(String reason) {
        outcome = TaskResultMessage.Outcome.FAILED;
        result = Map.of();
        error = reason;
        return this;
    }

    public TaskResultBuilder worker(String value) {
        worker = value;
        return this;
    }

    public TaskResultBuilder attempt(int value) {
        attempt = value;
        return this;
    }

    public TaskResultMessage message() {
        return new TaskResultMessage(jobId, taskIndex, jobType, outcome, result, error, worker, attempt, startedAt,
                finishedAt);
    }

    public CloudEvent event() {
        return ScatterEvents.event(messageId, Channels.WORKER_SOURCE_PREFIX + worker, jobId.toString(), finishedAt,
                message());
    }
}
