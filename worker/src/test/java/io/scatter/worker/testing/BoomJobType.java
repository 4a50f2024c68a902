package io.scatter.worker.testing;

import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobType;
import io.scatter.core.jobtype.TaskFailedException;

import java.util.List;
import java.util.Map;

/**
 * "test-boom": every computation throws, with the payload's {@code reason} as the message: a
 * {@link TaskFailedException} when the payload says {@code "permanent": true}, else an IllegalStateException (which a
 * worker retries).
 */
public final class BoomJobType implements JobType {

    @Override
    public String name() {
        return "test-boom";
    }

    @Override
    public JobDefinition define(Map<String, Object> input, Map<String, Object> options) {
        return new JobDefinition(input, options);
    }

    @Override
    public List<Map<String, Object>> split(JobDefinition job) {
        return List.of(job.input());
    }

    @Override
    public Map<String, Object> compute(Map<String, Object> task) {
        if (Boolean.TRUE.equals(task.get("permanent"))) {
            throw new TaskFailedException(String.valueOf(task.get("reason")));
        }
        throw new IllegalStateException(String.valueOf(task.get("reason")));
    }

    @Override
    public Map<String, Object> emptyResult() {
        return Map.of();
    }

    @Override
    public Map<String, Object> combine(Map<String, Object> a, Map<String, Object> b) {
        return Map.of();
    }
}
