package io.scatter.worker.testing;

import io.scatter.core.jobtype.Inputs;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobType;

import java.util.List;
import java.util.Map;

/** "test-sum": the sum of the integers from {@code from} to {@code to}, found by the worker through ServiceLoader. */
public final class SumJobType implements JobType {

    @Override
    public String name() {
        return "test-sum";
    }

    @Override
    public JobDefinition define(Map<String, Object> input, Map<String, Object> options) {
        long from = Inputs.requireLong(input, "input.from", 0, 1_000_000);
        long to = Inputs.requireLong(input, "input.to", from, 1_000_000);
        return new JobDefinition(Map.of("from", from, "to", to), Map.of());
    }

    @Override
    public List<Map<String, Object>> split(JobDefinition job) {
        return List.of(job.input());
    }

    @Override
    public Map<String, Object> compute(Map<String, Object> task) {
        long from = ((Number) task.get("from")).longValue();
        long to = ((Number) task.get("to")).longValue();
        return Map.of("sum", (from + to) * (to - from + 1) / 2);
    }

    @Override
    public Map<String, Object> emptyResult() {
        return Map.of("sum", 0L);
    }

    @Override
    public Map<String, Object> combine(Map<String, Object> a, Map<String, Object> b) {
        return Map.of("sum", ((Number) a.get("sum")).longValue() + ((Number) b.get("sum")).longValue());
    }
}
