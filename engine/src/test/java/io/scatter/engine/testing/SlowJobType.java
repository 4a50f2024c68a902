package io.scatter.engine.testing;

import io.scatter.core.jobtype.Inputs;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test job type, {@code slow}: input {@code {"tasks": n, "millis": m}} makes n tasks that each sleep m milliseconds,
 * long enough to cancel a job while it runs. Not registered with ServiceLoader.
 */
public final class SlowJobType implements JobType {

    public static final String NAME = "slow";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JobDefinition define(Map<String, Object> input, Map<String, Object> options) {
        Inputs.rejectUnknownKeys(input, "input", List.of("tasks", "millis"));
        long tasks = Inputs.requireLong(input, "input.tasks", 1, 10_000);
        long millis = Inputs.requireLong(input, "input.millis", 0, 60_000);
        return new JobDefinition(Map.of("tasks", tasks, "millis", millis), Map.of());
    }

    @Override
    public List<Map<String, Object>> split(JobDefinition job) {
        long tasks = ((Number) job.input().get("tasks")).longValue();
        List<Map<String, Object>> payloads = new ArrayList<>();
        for (long i = 0; i < tasks; i++) {
            payloads.add(Map.of("millis", job.input().get("millis")));
        }
        return payloads;
    }

    @Override
    public Map<String, Object> compute(Map<String, Object> task) {
        try {
            Thread.sleep(((Number) task.get("millis")).longValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sleeping", e);
        }
        return Map.of("done", 1L);
    }

    @Override
    public Map<String, Object> emptyResult() {
        return Map.of("done", 0L);
    }

    @Override
    public Map<String, Object> combine(Map<String, Object> a, Map<String, Object> b) {
        return Map.of("done", ((Number) a.get("done")).longValue() + ((Number) b.get("done")).longValue());
    }
}
