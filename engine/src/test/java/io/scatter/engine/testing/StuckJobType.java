package io.scatter.engine.testing;

import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobType;
import io.scatter.core.jobtype.TaskInterruptedException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A test job type, {@code stuck}, whose tasks never end by themselves: each spins, checking for an interrupt, until
 * its thread is interrupted; its deadline is {@link #DEADLINE}. {@link #started} counts down as each computation
 * starts. Not registered with ServiceLoader.
 */
public final class StuckJobType implements JobType {

    public static final String NAME = "stuck";
    public static final Duration DEADLINE = Duration.ofMillis(300);

    private volatile CountDownLatch started = new CountDownLatch(1);

    /** A latch that counts down when the next computation starts. */
    public CountDownLatch nextStart() {
        started = new CountDownLatch(1);
        return started;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JobDefinition define(Map<String, Object> input, Map<String, Object> options) {
        return new JobDefinition(Map.of(), Map.of());
    }

    @Override
    public List<Map<String, Object>> split(JobDefinition job) {
        return List.of(Map.of());
    }

    @Override
    public Map<String, Object> compute(Map<String, Object> task) {
        started.countDown();
        while (true) {
            TaskInterruptedException.check();
            Thread.onSpinWait();
        }
    }

    @Override
    public Duration taskDeadline() {
        return DEADLINE;
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
