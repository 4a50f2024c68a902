package io.scatter.worker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;

/**
 * One delivered task message and the ways to settle it with the broker; a failed settlement (a closed or recovered
 * channel) is logged, never thrown, because the broker then returns the message by itself.
 */
final class TaskDelivery {

    static final String DELIVERY_COUNT_HEADER = "x-delivery-count";

    private static final Logger log = LoggerFactory.getLogger(TaskDelivery.class);

    private final Channel channel;
    private final long deliveryTag;
    private final AMQP.BasicProperties properties;
    private final byte[] body;

    TaskDelivery(Channel channel, long deliveryTag, AMQP.BasicProperties properties, byte[] body) {
        this.channel = channel;
        this.deliveryTag = deliveryTag;
        this.properties = properties;
        this.body = body;
    }

    AMQP.BasicProperties properties() {
        return properties;
    }

    byte[] body() {
        return body;
    }

    /** A short name for logs: the message id, or the delivery tag when there is none. */
    String label() {
        return properties.getMessageId() != null ? properties.getMessageId() : "delivery " + deliveryTag;
    }

    /** 1 for a first delivery, else the quorum queue's {@code x-delivery-count} header plus one. */
    int attempt() {
        Map<String, Object> headers = properties.getHeaders();
        Object count = headers == null ? null : headers.get(DELIVERY_COUNT_HEADER);
        if (count instanceof Number number && number.longValue() >= 0 && number.longValue() < Integer.MAX_VALUE) {
            return number.intValue() + 1;
        }
        return 1;
    }

    /** Done: the broker forgets the message. */
    void ack() {
        settle("ack", () -> channel.basicAck(deliveryTag, false));
    }

    /** Poison: the broker dead-letters the message. */
    void reject() {
        settle("reject", () -> channel.basicReject(deliveryTag, false));
    }

    /** Not done here: the broker gives the message to a consumer again (and does so itself if the channel is gone). */
    void requeue() {
        if (!channel.isOpen()) {
            log.info("Channel closed; the broker returns {} to the queue by itself", label());
            return;
        }
        settle("nack", () -> channel.basicNack(deliveryTag, false, true));
    }

    private void settle(String verb, Settlement settlement) {
        try {
            settlement.run();
        } catch (IOException | ShutdownSignalException e) {
            log.warn("Could not {} {} (the channel closed or recovered; the broker redelivers it): {}", verb, label(),
                    e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Could not {} {}: {}", verb, label(), e.toString());
        }
    }

    @FunctionalInterface
    private interface Settlement {
        void run() throws IOException;
    }
}
