package io.scatter.engine.testing;

import io.scatter.core.jobtype.Inputs;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test job type, {@code sum}: input {@code {"numbers": n}} sums 1..n in n tasks, task {@code i} computing
 * {@code i + 1}, so a result counted twice or lost shows in the total. Not registered with ServiceLoader: use
 * {@code JobTypes.of(new SumJobType())}.
 */
public final class SumJobType implements JobType {

    public static final String NAME = "sum";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JobDefinition define(Map<String, Object> input, Map<String, Object> options) {
        Inputs.rejectUnknownKeys(input, "input", List.of("numbers"));
        Inputs.rejectUnknownKeys(options, "options", List.of());
        long numbers = Inputs.requireLong(input, "input.numbers", 1, 10_000);
        return new JobDefinition(Map.of("numbers", numbers), Map.of());
    }

    @Override
    public List<Map<String, Object>> split(JobDefinition job) {
        long numbers = ((Number) job.input().get("numbers")).longValue();
        List<Map<String, Object>> payloads = new ArrayList<>();
        for (long value = 1; value <= numbers; value++) {
            payloads.add(Map.of("value", value));
        }
        return payloads;
    }

    @Override
    public Map<String, Object> compute(Map<String, Object> task) {
        return Map.of("sum", ((Number) task.get("value")).longValue());
    }

    @Override
    public Map<String, Object> emptyResult() {
        return Map.of("sum", 0L);
    }

    @Override
    public Map<String, Object> combine(Map<String, Object> a, Map<String, Object> b) {
        return Map.of("sum", ((Number) a.get("sum")).longValue() + ((Number) b.get("sum")).longValue());
    }

    /** The sum of 1..n, the right answer for {@code {"numbers": n}}. */
    public static long expectedSum(long numbers) {
        return numbers * (numbers + 1) / 2;
    }
}
