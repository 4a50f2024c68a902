package io.scatter.api.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.scatter.messaging.BrokerConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A consumer of one queue with manual acknowledgement whose subclass settles each delivery, retrying it in place
 * (with a doubling pause, until the application stops) while a failure may pass — retrying in place, because a
 * requeue would count towards the queue's delivery limit.
 */
public abstract class ManualAckConsumer implements BrokerListener {

    private static final Logger log = LoggerFactory.getLogger(ManualAckConsumer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    private final String queue;
    private final String consumerTag;
    private final int prefetch;
    private final Duration maxBackoff;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile Channel channel;

    /**
     * @param queue       the queue consumed
     * @param consumerTag the consumer's name on the broker
     * @param prefetch    unacknowledged deliveries at most
     * @param maxBackoff  the longest pause between two attempts at one delivery
     */
    protected ManualAckConsumer(String queue, String consumerTag, int prefetch, Duration maxBackoff) {
        this.queue = queue;
        this.consumerTag = consumerTag;
        this.prefetch = prefetch;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public void connected(BrokerConnection connection) throws IOException {
        Channel opened = connection.openChannel();
        opened.basicQos(prefetch);
        opened.basicConsume(queue, false, consumerTag, new DefaultConsumer(opened) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties messageProperties,
                                       byte[] body) throws IOException {
                deliver(opened, envelope.getDeliveryTag(), messageProperties, body);
            }
        });
        channel = opened;
        log.info("Consuming {} as {}", queue, consumerTag);
    }

    @Override
    public void disconnecting() {
        stopping.countDown();
        Channel open = channel;
        if (open != null && open.isOpen()) {
            try {
                open.close();
            } catch (IOException | TimeoutException | RuntimeException e) {
                log.debug("Closing the channel of {} failed", queue, e);
            }
        }
    }

    /**
     * Takes one delivery on {@code on}, to be acked, rejected or nacked (or left to the broker at shutdown) by the
     * subclass, on this thread or later on one of its own.
     */
    protected abstract void deliver(Channel on, long deliveryTag, AMQP.BasicProperties messageProperties, byte[] body)
            throws IOException;

    /** The pause before the second attempt at a delivery. */
    protected Duration firstBackoff() {
        return FIRST_BACKOFF.compareTo(maxBackoff) < 0 ? FIRST_BACKOFF : maxBackoff;
    }

    /** The pause after {@code backoff}: twice as long, at most the maximum. */
    protected Duration nextBackoff(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
    }

    /** Waits {@code pause}; true when the application is stopping (or the thread was interrupted) meanwhile. */
    protected boolean awaitStop(Duration pause) {
        try {
            return stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
