package io.scatter.worker;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fixed set of daemon threads that compute tasks, and the two stages of stopping them: draining (no new work,
 * running tasks finish) and abandoning (running tasks are interrupted and must not settle their messages).
 */
final class ComputePool {

    private final ThreadPoolExecutor executor;
    private volatile boolean draining;
    private volatile boolean abandoned;

    ComputePool(int threads) {
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemonThreads());
    }

    /** Runs {@code work} on a compute thread; throws {@link RejectedExecutionException} once draining. */
    void execute(Runnable work) {
        if (draining) {
            throw new RejectedExecutionException("the compute pool is draining");
        }
        executor.execute(work);
    }

    /** Whether the worker is stopping, so work that has not started yet should go back to the queue. */
    boolean draining() {
        return draining;
    }

    /** Whether running tasks were given up, so they must neither publish nor settle their messages. */
    boolean abandoned() {
        return abandoned;
    }

    /** Tasks being computed or waiting for a thread right now. */
    int busy() {
        return executor.getActiveCount() + executor.getQueue().size();
    }

    /** Takes no more work and waits up to {@code grace} for what was started; true if all of it finished. */
    boolean drain(Duration grace) throws InterruptedException {
        draining = true;
        executor.shutdown();
        return executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Gives up on the tasks still running and interrupts their threads. */
    void abandon() {
        draining = true;
        abandoned = true;
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "compute-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
