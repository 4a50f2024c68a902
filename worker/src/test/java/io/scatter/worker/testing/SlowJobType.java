package io.scatter.worker.testing;

import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobType;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * "test-slow": sleeps for the payload's {@code millis} (at most a minute) or until interrupted, and lets tests wait
 * until a computation has started.
 */
public final class SlowJobType implements JobType {

    private static final long MAX_MILLIS = 60_000;
    private static final Semaphore STARTED = new Semaphore(0);
    private static final Semaphore INTERRUPTED = new Semaphore(0);

    /** Forgets computations counted by earlier tests. */
    public static void reset() {
        STARTED.drainPermits();
        INTERRUPTED.drainPermits();
    }

    /** Waits until {@code count} computations have started; false after {@code seconds}. */
    public static boolean awaitStarted(int count, long seconds) throws InterruptedException {
        return STARTED.tryAcquire(count, seconds, TimeUnit.SECONDS);
    }

    /** Waits until a computation was interrupted; false after {@code seconds}. */
    public static boolean awaitInterrupted(long seconds) throws InterruptedException {
        return INTERRUPTED.tryAcquire(1, seconds, TimeUnit.SECONDS);
    }

    @Override
    public String name() {
        return "test-slow";
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
        long millis = Math.min(((Number) task.get("millis")).longValue(), MAX_MILLIS);
        STARTED.release();
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            INTERRUPTED.release();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted after starting a " + millis + " ms sleep");
        }
        return Map.of("slept", millis);
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
