package io.scatter.engine.testing;

import io.scatter.core.jobtype.Inputs;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobType;
import io.scatter.core.jobtype.TaskFailedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test job type, {@code boom}: input {@code {"tasks": n, "failing": k}} makes n tasks of which task k throws
 * {@code IllegalStateException("boom in task k")} (a failure a retry may cure); a task payload with
 * {@code "permanent": true} throws a {@link TaskFailedException} instead. Not registered with ServiceLoader.
 */
public final class BoomJobType implements JobType {

    public static final String NAME = "boom";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JobDefinition define(Map<String, Object> input, Map<String, Object> options) {
        Inputs.rejectUnknownKeys(input, "input", List.of("tasks", "failing"));
        long tasks = Inputs.requireLong(input, "input.tasks", 1, 10_000);
        long failing = Inputs.requireLong(input, "input.failing", 0, tasks - 1);
        return new JobDefinition(Map.of("tasks", tasks, "failing", failing), Map.of());
    }

    @Override
    public List<Map<String, Object>> split(JobDefinition job) {
        long tasks = ((Number) job.input().get("tasks")).longValue();
        long failing = ((Number) job.input().get("failing")).longValue();
        List<Map<String, Object>> payloads = new ArrayList<>();
        for (long i = 0; i < tasks; i++) {
            payloads.add(Map.of("index", i, "fails", i == failing));
        }
        return payloads;
    }

    @Override
    public Map<String, Object> compute(Map<String, Object> task) {
        if (Boolean.TRUE.equals(task.get("permanent"))) {
            throw new TaskFailedException("boom in task " + task.get("index") + " for good");
        }
        if (Boolean.TRUE.equals(task.get("fails"))) {
            throw new IllegalStateException("boom in task " + task.get("index"));
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
