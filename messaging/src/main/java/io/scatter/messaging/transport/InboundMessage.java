package io.scatter.messaging.transport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import com.rabbitmq.client.impl.recovery.AutorecoveringChannel;
import io.scatter.messaging.AmqpMessage;
import io.scatter.messaging.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One message delivered with manual acknowledgement, and the ways to settle it — once. A settlement that fails because
 * the channel closed or recovered is logged, never thrown: the broker then returns the message to the queue by itself.
 */
final class InboundMessage {

    /** Header the broker's quorum queue sets on every delivery: how often the message was returned before. */
    static final String DELIVERY_COUNT_HEADER = "x-delivery-count";

    private static final Logger log = LoggerFactory.getLogger(InboundMessage.class);

    /** Publishes a dead-letter copy with a confirm. */
    @FunctionalInterface
    interface DeadLetterPublisher {
        void publish(String routingKey, AmqpMessage copy) throws PublishFailedException;
    }

    private final Channel channel;
    private final long deliveryTag;
    private final AMQP.BasicProperties properties;
    private final byte[] body;
    private final String deadLetterRoutingKey;
    private final DeadLetterPublisher deadLetters;
    private final AtomicBoolean settled = new AtomicBoolean();
    /** The channel underneath {@link #channel} when the message was delivered; recovery replaces it. */
    private final Channel deliveredOn;

    InboundMessage(Channel channel, long deliveryTag, AMQP.BasicProperties properties, byte[] body,
                   String deadLetterRoutingKey, DeadLetterPublisher deadLetters) {
        this.channel = channel;
        this.deliveredOn = underlying(channel);
        this.deliveryTag = deliveryTag;
        this.properties = properties;
        this.body = body;
        this.deadLetterRoutingKey = deadLetterRoutingKey;
        this.deadLetters = deadLetters;
    }

    AMQP.BasicProperties properties() {
        return properties;
    }

    byte[] body() {
        return body;
    }

    boolean settled() {
        return settled.get();
    }

    /** A short name for logs: the message id, or the delivery tag when there is none. */
    String label() {
        return properties.getMessageId() != null ? "message " + properties.getMessageId() : "delivery " + deliveryTag;
    }

    /** 1 for a first delivery, else the quorum queue's {@code x-delivery-count} header plus one. */
    int attempt() {
        return attempt(properties.getHeaders());
    }

    static int attempt(Map<String, Object> headers) {
        Object count = headers == null ? null : headers.get(DELIVERY_COUNT_HEADER);
        if (count instanceof Number number && number.longValue() >= 0 && number.longValue() < Integer.MAX_VALUE) {
            return number.intValue() + 1;
        }
        return 1;
    }

    /** Done: the broker forgets the message. */
    void ack() {
        if (claim("ack") && stillHeld("ack")) {
            settle("ack", () -> channel.basicAck(deliveryTag, false));
        }
    }

    /** Not done here: the broker delivers the message again (and does so by itself if the channel is gone). */
    void requeue() {
        if (claim("requeue") && stillHeld("requeue")) {
            settle("requeue", () -> channel.basicNack(deliveryTag, false, true));
        }
    }

    /**
     * Dead-letters the message with {@code reason}: publishes a copy carrying the reason to the dead-letter exchange,
     * waits for its confirm, then acks the original; if the copy cannot be published, rejects the original so the
     * queue dead-letters it (without the reason).
     */
    void deadLetter(String reason) {
        if (!claim("reject")) {
            return;
        }
        String line = RabbitTaskTransport.oneLine(reason);
        if (!stillHeld("dead-letter (" + line + ")")) {
            return;
        }
        try {
            deadLetters.publish(deadLetterRoutingKey, copyWithReason(line));
        } catch (PublishFailedException e) {
            log.warn("Could not publish the dead-letter copy of {} ({}); rejecting it to the queue's dead-letter "
                    + "exchange without its reason", label(), e.getMessage());
            settle("reject", () -> channel.basicReject(deliveryTag, false));
            return;
        }
        settle("ack", () -> channel.basicAck(deliveryTag, false));
        log.debug("Dead-lettered {} to {}: {}", label(), deadLetterRoutingKey, line);
    }

    private AmqpMessage copyWithReason(String reason) {
        Map<String, Object> headers = new LinkedHashMap<>();
        if (properties.getHeaders() != null) {
            headers.putAll(properties.getHeaders());
        }
        headers.remove(DELIVERY_COUNT_HEADER);
        headers.put(RabbitTaskTransport.REASON_HEADER, reason);
        headers.put(RabbitTaskTransport.ATTEMPTS_HEADER, attempt());
        AMQP.BasicProperties copy = properties.builder().headers(headers).deliveryMode(2).build();
        return new AmqpMessage(copy, body == null ? new byte[0] : body);
    }

    /**
     * Whether this delivery can still be settled: its channel is open and is not a recovered one (after a recovery
     * the broker has already returned the message, and the client would silently drop a settlement of its old tag).
     */
    private boolean stillHeld(String verb) {
        if (!channel.isOpen() || underlying(channel) != deliveredOn) {
            log.info("Not settling {} ({}): its channel closed or recovered since, so the broker has returned it to "
                    + "the queue to deliver it again", label(), verb);
            return false;
        }
        return true;
    }

    private static Channel underlying(Channel channel) {
        return channel instanceof AutorecoveringChannel recovering ? recovering.getDelegate() : channel;
    }

    private boolean claim(String verb) {
        if (settled.compareAndSet(false, true)) {
            return true;
        }
        log.warn("Ignoring {} of {}: it is already settled", verb, label());
        return false;
    }

    private void settle(String verb, Settlement settlement) {
        try {
            settlement.run();
        } catch (IOException | ShutdownSignalException e) {
            log.info("Could not {} {} (the channel closed or recovered; the broker redelivers it): {}", verb, label(),
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
