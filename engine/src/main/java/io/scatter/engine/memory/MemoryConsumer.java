package io.scatter.engine.memory;

import io.scatter.engine.transport.Subscription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A consumer of a {@link MemoryQueue}: {@code concurrency} daemon threads, each holding at most one unsettled lease.
 * Closing it waits up to a grace period for running handlers, then returns every unsettled lease to the queue.
 */
final class MemoryConsumer<M> implements Subscription {

    private static final System.Logger log = System.getLogger(MemoryConsumer.class.getName());
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final MemoryQueue<M> queue;
    private final int concurrency;
    private final Consumer<MemoryQueue.Lease<M>> handler;
    private final Duration closeGrace;
    private final List<Thread> threads = new ArrayList<>();

    MemoryConsumer(MemoryQueue<M> queue, int concurrency, Consumer<MemoryQueue.Lease<M>> handler,
                   Duration closeGrace) {
        this.queue = queue;
        this.concurrency = concurrency;
        this.handler = handler;
        this.closeGrace = closeGrace;
    }

    void start(String queueName) {
        int consumerNumber = SEQUENCE.incrementAndGet();
        synchronized (threads) {
            for (int i = 1; i <= concurrency; i++) {
                Thread thread = new Thread(this::run, queueName + "-consumer-" + consumerNumber + "-" + i);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }
    }

    @Override
    public void close() {
        Set<MemoryQueue.Lease<M>> held = queue.stop(this);
        List<Thread> running;
        synchronized (threads) {
            running = List.copyOf(threads);
        }
        long deadline = System.nanoTime() + closeGrace.toNanos();
        for (Thread thread : running) {
            if (thread != Thread.currentThread()) {
                awaitEnd(thread, deadline);
            }
        }
        queue.giveBackUnsettled(held);
    }

    private void run() {
        try {
            MemoryQueue.Lease<M> lease;
            while ((lease = queue.take(this)) != null) {
                handle(lease);
                queue.awaitSettled(this, lease);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(MemoryQueue.Lease<M> lease) {
        try {
            handler.accept(lease);
        } catch (RuntimeException | Error e) {
            log.log(System.Logger.Level.WARNING, "A handler failed without settling its delivery; it returns to"
                    + " the queue", e);
            lease.requeueIfUnsettled();
        }
    }

    private static void awaitEnd(Thread thread, long deadline) {
        try {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                thread.join(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
            if (thread.isAlive()) {
                log.log(System.Logger.Level.WARNING, "{0} is still handling a delivery after the close grace;"
                        + " interrupting it and returning its delivery to the queue", thread.getName());
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
