package io.scatter.engine.worker;

import io.scatter.contracts.TaskMessage;
import io.scatter.core.jobtype.JobType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs each task's {@link JobType#compute} on a computing thread of its own, so that the worker can stop waiting for
 * it: when it outruns its type's {@link JobType#taskDeadline()}, or its job is cancelled ({@link #interrupt(UUID)}),
 * the thread is interrupted (kernels stop at their next check) and the worker moves on. A kernel that ignores the
 * interrupt keeps its thread busy; {@link #abandonedRunning()} counts those.
 */
final class Computations implements AutoCloseable {

    /**
     * How one computation ended: with an output, a failure, or neither (it outran its deadline or was interrupted); a
     * type that returns no output fails.
     */
    record Ended(Map<String, Object> output, Throwable failure, boolean timedOut, Instant startedAt,
                 Instant endedAt) {

        boolean interrupted() {
            return output == null && failure == null && !timedOut;
        }
    }

    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

    private final Clock clock;
    private final ExecutorService threads;
    private final Map<UUID, Set<Future<?>>> byJob = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger awaited = new AtomicInteger();

    Computations(String workerName, Clock clock) {
        this.clock = clock;
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "compute-" + workerName + "-" + THREAD_NUMBERS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Computes {@code task} with {@code type}, waiting at most {@code deadline}; the caller's interrupt (a worker
     * shutting down) interrupts the computation too and is kept set.
     */
    Ended compute(TaskMessage task, JobType type, Duration deadline) {
        Instant startedAt = clock.instant();
        Future<Map<String, Object>> future = threads.submit(() -> {
            running.incrementAndGet();
            try {
                Map<String, Object> output = type.compute(task.payload());
                if (output == null) {
                    throw new IllegalStateException("job type " + type.name() + " computed no result");
                }
                return output;
            } finally {
                running.decrementAndGet();
            }
        });
        Set<Future<?>> ofJob = byJob.computeIfAbsent(task.jobId(), id -> ConcurrentHashMap.newKeySet());
        ofJob.add(future);
        awaited.incrementAndGet();
        try {
            Map<String, Object> output = future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new Ended(output, null, false, startedAt, clock.instant());
        } catch (ExecutionException e) {
            return new Ended(null, e.getCause(), false, startedAt, clock.instant());
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Ended(null, null, true, startedAt, clock.instant());
        } catch (CancellationException e) {
            return new Ended(null, null, false, startedAt, clock.instant());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Ended(null, null, false, startedAt, clock.instant());
        } finally {
            awaited.decrementAndGet();
            ofJob.remove(future);
            byJob.computeIfPresent(task.jobId(), (id, set) -> set.isEmpty() ? null : set);
        }
    }

    /** Interrupts the running computations of job {@code jobId}; each returns as interrupted at once. */
    void interrupt(UUID jobId) {
        Set<Future<?>> ofJob = byJob.get(jobId);
        if (ofJob != null) {
            ofJob.forEach(future -> future.cancel(true));
        }
    }

    /** Computations no one waits for any more that still hold their thread: kernels that ignored an interrupt. */
    int abandonedRunning() {
        return Math.max(0, running.get() - awaited.get());
    }

    /** Interrupts every computation still running. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
