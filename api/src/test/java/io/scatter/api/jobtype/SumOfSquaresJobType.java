package io.scatter.api.jobtype;

import io.scatter.core.jobtype.Inputs;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A job type that exists only on the test class path (listed in the test resources' service file): sums the squares
 * of the integers {@code from..to}, split into {@code tasks} ranges.
 */
public final class SumOfSquaresJobType implements JobType {

    static final String NAME = "sum-of-squares";
    static final long MAX = 1_000_000;
    static final long MAX_TASKS = 100;
    static final long DEFAULT_TASKS = 4;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JobDefinition define(Map<String, Object> input, Map<String, Object> options) {
        Inputs.rejectUnknownKeys(input, "input", Set.of("from", "to"));
        Inputs.rejectUnknownKeys(options, "options", Set.of("tasks"));
        long from = Inputs.requireLong(input, "input.from", 1, MAX);
        long to = Inputs.requireLong(input, "input.to", from, MAX);
        long tasks = Inputs.optionalLong(options, "options.tasks", 1, MAX_TASKS, DEFAULT_TASKS);
        return new JobDefinition(Map.of("from", from, "to", to), Map.of("tasks", Math.min(tasks, to - from + 1)));
    }

    @Override
    public List<Map<String, Object>> split(JobDefinition job) {
        long from = number(job.input(), "from");
        long to = number(job.input(), "to");
        long tasks = number(job.options(), "tasks");
        long width = to - from + 1;
        List<Map<String, Object>> payloads = new ArrayList<>();
        for (long index = 0; index < tasks; index++) {
            long start = from + width * index / tasks;
            long end = from + width * (index + 1) / tasks - 1;
            payloads.add(Map.of("from", start, "to", end));
        }
        return payloads;
    }

    @Override
    public Map<String, Object> compute(Map<String, Object> task) {
        long sum = 0;
        for (long i = number(task, "from"); i <= number(task, "to"); i++) {
            sum += i * i;
        }
        return Map.of("sum", sum);
    }

    @Override
    public Map<String, Object> emptyResult() {
        return Map.of("sum", 0L);
    }

    @Override
    public Map<String, Object> combine(Map<String, Object> a, Map<String, Object> b) {
        return Map.of("sum", number(a, "sum") + number(b, "sum"));
    }

    private static long number(Map<String, Object> map, String key) {
        return Inputs.asLong(map.get(key)).orElseThrow(() -> new IllegalArgumentException(
                key + " is not an integer: " + map.get(key)));
    }
}
