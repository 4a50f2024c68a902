package io.scatter.messaging.transport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.scatter.engine.transport.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Consumes one queue on a channel of its own with manual acknowledgements and a prefetch, and hands each delivery to
 * a thread pool of its own. Closing it cancels the consumer, gives running handlers a grace period, then closes the
 * channel, so every delivery not settled by then returns to the queue — as if the consumer had crashed.
 */
final class QueueConsumer extends DefaultConsumer implements Subscription {

    private static final Logger log = LoggerFactory.getLogger(QueueConsumer.class);
    private static final Duration RESUME_RETRY = Duration.ofSeconds(1);

    private final String queue;
    private final String deadLetterRoutingKey;
    private final InboundMessage.DeadLetterPublisher deadLetters;
    private final InboundMessage.Republishing republishing;
    private final ExecutorService pool;
    private final Set<Thread> poolThreads = ConcurrentHashMap.newKeySet();
    /** Deliveries handed to a handler and not settled yet. */
    private final Set<InboundMessage> handedOut = ConcurrentHashMap.newKeySet();
    private final Duration closeGrace;
    private final Consumer<InboundMessage> dispatch;
    private final Consumer<QueueConsumer> onClose;
    private final Consumer<String> onLost;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String consumerTag;
    private final Object consuming = new Object();
    private boolean paused;

    /**
     * @param republishing how copies of deliveries are put back on the queue
     * @param threads      how many handler threads (each delivery is handled on one of them)
     * @param closeGrace   how long {@link #close()} lets running handlers finish (and settle) before the channel
     *                     closes
     * @param dispatch     runs on a handler thread for each delivery; it settles the message or leaves it to the
     *                     handler
     * @param onClose      told once when this consumer closes
     * @param onLost       told the queue's name when the broker ends this consumer (not on a lost connection)
     */
    QueueConsumer(Channel channel, String queue, String deadLetterRoutingKey,
                  InboundMessage.DeadLetterPublisher deadLetters, InboundMessage.Republishing republishing,
                  int threads, String threadPrefix, Duration closeGrace, Consumer<InboundMessage> dispatch,
                  Consumer<QueueConsumer> onClose, Consumer<String> onLost) {
        super(channel);
        this.queue = queue;
        this.deadLetterRoutingKey = deadLetterRoutingKey;
        this.deadLetters = deadLetters;
        this.republishing = republishing;
        this.closeGrace = closeGrace;
        this.dispatch = dispatch;
        this.onClose = onClose;
        this.onLost = onLost;
        AtomicInteger number = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(() -> {
                poolThreads.add(Thread.currentThread());
                runnable.run();
            }, threadPrefix + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sets the prefetch and starts consuming. */
    void start(int prefetch) throws IOException {
        getChannel().basicQos(prefetch);
        consumerTag = getChannel().basicConsume(queue, false, this);
        log.debug("Consuming {} with a prefetch of {}", queue, prefetch);
    }

    /**
     * Cancels the consumer, so the broker sends nothing new; deliveries handed out stay held until settled (those
     * already on the wire still arrive). A failure leaves the consumer as it was, logged.
     */
    @Override
    public void pause() {
        synchronized (consuming) {
            if (paused || closed.get()) {
                return;
            }
            String tag = consumerTag;
            try {
                if (tag != null && getChannel().isOpen()) {
                    getChannel().basicCancel(tag);
                }
                paused = true;
                log.debug("Paused consuming {}", queue);
            } catch (IOException | ShutdownSignalException e) {
                log.warn("Could not pause consuming {}: {}", queue, e.getMessage());
            }
        }
    }

    /**
     * Consumes again after {@link #pause()}, under a new consumer tag; if the channel is down, keeps trying once a
     * second from a thread of its own until it is back (recovery does not restore a cancelled consumer).
     */
    @Override
    public void resume() {
        if (!tryResume()) {
            Thread retry = new Thread(() -> {
                while (!closed.get() && !tryResume()) {
                    try {
                        Thread.sleep(RESUME_RETRY.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "resume-" + queue);
            retry.setDaemon(true);
            retry.start();
        }
    }

    /** Says whether the consumer is consuming (or closed) afterwards. */
    private boolean tryResume() {
        synchronized (consuming) {
            if (!paused || closed.get()) {
                return true;
            }
            try {
                consumerTag = getChannel().basicConsume(queue, false, this);
                paused = false;
                log.debug("Resumed consuming {}", queue);
                return true;
            } catch (IOException | ShutdownSignalException e) {
                log.warn("Could not resume consuming {} ({}); trying again", queue, e.getMessage());
                return false;
            }
        }
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        InboundMessage message = new InboundMessage(getChannel(), envelope.getDeliveryTag(), envelope.isRedeliver(),
                properties, body, deadLetterRoutingKey, deadLetters, republishing);
        try {
            pool.execute(() -> {
                if (closed.get()) {
                    log.debug("Not handing out {}: the subscription is closed; the broker redelivers it",
                            message.label());
                    return;
                }
                hold(message);
                dispatch.accept(message);
            });
        } catch (RejectedExecutionException e) {
            log.debug("Not handing out {}: the subscription is closing; the broker redelivers it", message.label());
        }
    }

    @Override
    public void handleCancel(String tag) {
        if (!tag.equals(consumerTag)) {
            return;
        }
        log.error("The broker cancelled the consumer of {} (was the queue deleted?)", queue);
        onLost.accept(queue);
    }

    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException signal) {
        if (signal.isInitiatedByApplication() || closed.get()) {
            return;
        }
        if (signal.isHardError()) {
            log.warn("Lost the connection to RabbitMQ ({}); unsettled deliveries of {} return to the queue, "
                    + "recovering", signal.getMessage(), queue);
        } else {
            log.error("The broker closed the channel consuming {}: {}", queue, signal.getMessage());
            onLost.accept(queue);
        }
    }

    /**
     * Cancels the consumer, lets running handlers finish and the deliveries they took be settled (a task waiting for
     * its result's confirm) for up to the close grace, closes the channel — every delivery not settled by then,
     * handed out or only prefetched, returns to the queue, counted as a delivery — and interrupts the handlers still
     * running. Called from a handler of this very consumer, it does not wait.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Channel channel = getChannel();
        String tag = consumerTag;
        try {
            if (tag != null && channel.isOpen()) {
                channel.basicCancel(tag);
            }
        } catch (IOException | ShutdownSignalException e) {
            log.debug("Cancelling the consumer of {} failed: {}", queue, e.getMessage());
        }
        pool.shutdown();
        long deadline = System.nanoTime() + closeGrace.toNanos();
        boolean handlersDone = awaitHandlers() && awaitSettlements(deadline);
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            log.debug("Closing the channel consuming {} failed: {}", queue, e.getMessage());
        }
        if (!handlersDone) {
            pool.shutdownNow();
        }
        onClose.accept(this);
    }

    /** Counts a delivery as handed out until it is settled, by its handler or later (once its result is confirmed). */
    private void hold(InboundMessage message) {
        handedOut.add(message);
        message.whenSettled(() -> {
            synchronized (handedOut) {
                handedOut.remove(message);
                handedOut.notifyAll();
            }
        });
    }

    /**
     * Waits until {@code deadline} for the deliveries handed out to be settled after their handlers returned (a task
     * waiting for its result's confirm); says whether they all were.
     */
    private boolean awaitSettlements(long deadline) {
        synchronized (handedOut) {
            while (!handedOut.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("{} deliveries of {} are still unsettled after the close grace of {} ms; they return to "
                            + "the queue", handedOut.size(), queue, closeGrace.toMillis());
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(handedOut, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Waits up to the close grace for the handlers; says whether they are all done. */
    private boolean awaitHandlers() {
        if (poolThreads.contains(Thread.currentThread())) {
            return false;
        }
        try {
            if (pool.awaitTermination(closeGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            log.warn("A handler of {} is still running after the close grace of {} ms; its delivery returns to the "
                    + "queue and the handler is interrupted", queue, closeGrace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
