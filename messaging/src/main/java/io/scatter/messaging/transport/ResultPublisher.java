package io.scatter.messaging.transport;

import io.scatter.engine.transport.TransportException;
import io.scatter.messaging.OutgoingMessage;
import io.scatter.messaging.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Publishes results on a thread of its own, all those waiting at once with one wait for their confirms, and completes
 * each result's stage once the broker confirmed its batch — or exceptionally when it did not (a nack, a return, a lost
 * channel, a timeout), for the whole batch. The stages complete on that thread.
 */
final class ResultPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResultPublisher.class);
    /** The most results published with one confirm wait. */
    static final int MAX_BATCH = 1000;
    private static final Pending STOP = new Pending(null, null);

    private final PublisherPool publishers;
    private final Duration confirmTimeout;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private Thread thread;
    private volatile boolean closed;

    private record Pending(OutgoingMessage message, CompletableFuture<Void> published) {
    }

    ResultPublisher(PublisherPool publishers, Duration confirmTimeout) {
        this.publishers = publishers;
        this.confirmTimeout = confirmTimeout;
    }

    /** Queues {@code message} for the next batch; the stage completes once it is confirmed. */
    CompletionStage<Void> publish(OutgoingMessage message) {
        CompletableFuture<Void> published = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                published.completeExceptionally(new TransportException("the transport is closed"));
                return published;
            }
            if (thread == null) {
                thread = new Thread(this::run, "scatter-result-publisher");
                thread.setDaemon(true);
                thread.start();
            }
            waiting.add(new Pending(message, published));
        }
        return published;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            batch.clear();
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                stopping = true;
            }
            waiting.drainTo(batch, MAX_BATCH - batch.size());
            stopping |= batch.remove(STOP);
            if (!batch.isEmpty()) {
                publish(batch);
            }
        }
        failAll(drain(), "the transport is closed");
    }

    private void publish(List<Pending> batch) {
        List<OutgoingMessage> messages = batch.stream().map(Pending::message).toList();
        try {
            publishers.publish(publisher -> publisher.publishAll(messages, confirmTimeout));
        } catch (PublishFailedException | RuntimeException e) {
            log.warn("Could not publish {} result(s): {}", batch.size(), e.getMessage());
            failAll(batch, "could not publish the result: " + e.getMessage());
            return;
        }
        for (Pending pending : batch) {
            pending.published().complete(null);
        }
    }

    private static void failAll(List<Pending> batch, String reason) {
        for (Pending pending : batch) {
            pending.published().completeExceptionally(new TransportException(reason));
        }
    }

    private List<Pending> drain() {
        List<Pending> left = new ArrayList<>();
        waiting.drainTo(left);
        left.remove(STOP);
        return left;
    }

    /**
     * Publishes what is queued already (within the confirm timeout), then stops; results queued later fail at once.
     */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = thread;
            waiting.add(STOP);
        }
        if (running == null) {
            return;
        }
        try {
            running.join(confirmTimeout.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running.isAlive()) {
            running.interrupt();
        }
    }
}
