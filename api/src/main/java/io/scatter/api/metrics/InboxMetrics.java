package io.scatter.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scatter.api.metrics.TaskPayloads.TaskKey;
import io.scatter.api.results.AppliedResultsListener;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.result.Aggregation;
import io.scatter.engine.result.ResultMessage;
import io.scatter.engine.result.ResultOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts what the result inbox applied, each result once (never a duplicate): tasks completed by type and outcome,
 * their duration by type and algorithm (from the worker's start and finish), numbers checked, how long each batch
 * took to apply and how long each result took from its worker to the database.
 */
@Component
class InboxMetrics implements AppliedResultsListener {

    private static final Logger log = LoggerFactory.getLogger(InboxMetrics.class);

    private final MeterRegistry registry;
    private final TaskPayloads payloads;
    private final JobTypes types;
    private final Clock clock;
    private final Timer batches;
    private final Timer latency;

    InboxMetrics(MeterRegistry registry, TaskPayloads payloads, JobTypes types, Clock clock) {
        this.registry = registry;
        this.payloads = payloads;
        this.types = types;
        this.clock = clock;
        this.batches = Timer.builder("scatter.inbox.apply")
                .description("How long the result inbox took to apply a batch of results, its transaction included")
                .register(registry);
        this.latency = Timer.builder("scatter.inbox.result.latency")
                .description("From a worker finishing a task to its result applied in the database")
                .register(registry);
    }

    @Override
    public void applied(List<ResultMessage> results, List<Aggregation> aggregations, Duration took) {
        batches.record(took);
        List<TaskResultMessage> counted = new ArrayList<>();
        for (int position = 0; position < results.size(); position++) {
            if (aggregations.get(position).outcome() == ResultOutcome.APPLIED) {
                counted.add(results.get(position).result());
            }
        }
        if (counted.isEmpty()) {
            return;
        }
        Map<TaskKey, Map<String, Object>> stored = payloads(counted);
        for (TaskResultMessage result : counted) {
            count(result, stored.getOrDefault(new TaskKey(result.jobId(), result.taskIndex()), Map.of()));
        }
    }

    /** The payloads of the tasks of {@code results}; none when they cannot be read (the results still count). */
    private Map<TaskKey, Map<String, Object>> payloads(List<TaskResultMessage> results) {
        try {
            return payloads.find(results.stream().map(result -> new TaskKey(result.jobId(), result.taskIndex()))
                    .toList());
        } catch (DataAccessException e) {
            log.warn("Counting {} applied results without their payloads (algorithm none, no numbers checked): {}",
                    results.size(), e.getMessage());
            return Map.of();
        }
    }

    private void count(TaskResultMessage result, Map<String, Object> payload) {
        Counter.builder("scatter.tasks.completed")
                .description("Task results the inbox applied (each task once), by job type and outcome")
                .tags("type", result.jobType(), "outcome", result.outcome().name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
        Timer.builder("scatter.task.duration")
                .description("How long workers computed the tasks the inbox applied, by job type and algorithm")
                .tags("type", result.jobType(), "algorithm", algorithm(payload))
                .register(registry).record(nonNegative(Duration.between(result.startedAt(), result.finishedAt())));
        latency.record(nonNegative(Duration.between(result.finishedAt(), clock.instant())));
        if (result.outcome() == TaskResultMessage.Outcome.SUCCEEDED) {
            Counter.builder("scatter.numbers.checked")
                    .description("Numbers examined by the tasks the inbox applied as succeeded, by job type")
                    .tag("type", result.jobType())
                    .register(registry).increment(numbersChecked(result.jobType(), payload));
        }
    }

    private long numbersChecked(String type, Map<String, Object> payload) {
        try {
            return Math.max(0, types.get(type).numbersChecked(payload));
        } catch (RuntimeException unknownTypeOrBadPayload) {
            return 0;
        }
    }

    private static String algorithm(Map<String, Object> payload) {
        return payload.get("algorithm") instanceof String named && !named.isBlank() ? named : "none";
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
