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

    private final String queue;
    private final String deadLetterRoutingKey;
    private final InboundMessage.DeadLetterPublisher deadLetters;
    private final InboundMessage.SelfCounting selfCounting;
    private final ExecutorService pool;
    private final Set<Thread> poolThreads = ConcurrentHashMap.newKeySet();
    private final Duration closeGrace;
    private final Consumer<InboundMessage> dispatch;
    private final Consumer<QueueConsumer> onClose;
    private final Consumer<String> onLost;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String consumerTag;

    /**
     * @param selfCounting how the adapter counts deliveries, or null when the broker does
     * @param threads      how many handler threads (each delivery is handled on one of them)
     * @param closeGrace   how long {@link #close()} lets running handlers finish (and settle) before the channel
     *                     closes
     * @param dispatch     runs on a handler thread for each delivery; it settles the message or leaves it to the
     *                     handler
     * @param onClose      told once when this consumer closes
     * @param onLost       told the queue's name when the broker ends this consumer (not on a lost connection)
     */
    QueueConsumer(Channel channel, String queue, String deadLetterRoutingKey,
                  InboundMessage.DeadLetterPublisher deadLetters, InboundMessage.SelfCounting selfCounting,
                  int threads, String threadPrefix, Duration closeGrace, Consumer<InboundMessage> dispatch,
                  Consumer<QueueConsumer> onClose, Consumer<String> onLost) {
        super(channel);
        this.queue = queue;
        this.deadLetterRoutingKey = deadLetterRoutingKey;
        this.deadLetters = deadLetters;
        this.selfCounting = selfCounting;
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

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        InboundMessage message = new InboundMessage(getChannel(), envelope.getDeliveryTag(), envelope.isRedeliver(),
                properties, body, deadLetterRoutingKey, deadLetters, selfCounting);
        try {
            pool.execute(() -> {
                if (closed.get()) {
                    log.debug("Not handing out {}: the subscription is closed; the broker redelivers it",
                            message.label());
                    return;
                }
                dispatch.accept(message);
            });
        } catch (RejectedExecutionException e) {
            log.debug("Not handing out {}: the subscription is closing; the broker redelivers it", message.label());
        }
    }

    @Override
    public void handleCancel(String tag) {
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
     * Cancels the consumer, lets running handlers finish for up to the close grace (they may still settle their
     * deliveries meanwhile), closes the channel — every delivery not settled by then, handed out or only prefetched,
     * returns to the queue, counted as a delivery — and interrupts the handlers still running. Called from a handler
     * of this very consumer, it does not wait.
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
        boolean handlersDone = awaitHandlers();
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
