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
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One message delivered with manual acknowledgement, and the ways to settle it — once. A settlement that fails because
 * the channel closed or recovered is logged, never thrown: the broker then returns the message to the queue by itself.
 *
 * <p>Which attempt a delivery is: the deliveries before it, counted by the broker where it counts them (RabbitMQ's
 * quorum queues set {@value #DELIVERY_COUNT_HEADER} on a message returned unsettled) plus those a copy carries in
 * {@value #DELIVERIES_HEADER} — a message the adapter {@linkplain #retry retries} or {@linkplain #defer defers} is put
 * back as a copy carrying its count ({@link Republishing}), and the original acked. Where the broker does not count
 * (Qpid Broker-J, see {@link io.scatter.messaging.BrokerProduct}), a delivery it flags as redelivered (its consumer
 * went away without settling it) counts one more, and is {@linkplain #carryOver() carried over} — replaced on the
 * queue by a copy with the count — before a handler sees it, so a second crash is counted too. How many deliveries
 * ended unsettled ({@link #returns()}) is counted alongside, in {@value #RETURNS_HEADER} on copies.
 */
final class InboundMessage {

    /** Header the broker's quorum queue sets on every delivery: how often the message was returned before. */
    static final String DELIVERY_COUNT_HEADER = "x-delivery-count";
    /**
     * Header of a copy the adapter put back on a queue of a broker that does not count deliveries: how many deliveries
     * of the message ended without an ack before the copy was published.
     */
    static final String DELIVERIES_HEADER = "x-scatter-delivery-count";
    /** Header of a copy: how many deliveries of the message before it ended unsettled (its consumer went away). */
    static final String RETURNS_HEADER = "x-scatter-returns";

    private static final Logger log = LoggerFactory.getLogger(InboundMessage.class);

    /** Publishes a dead-letter copy with a confirm. */
    @FunctionalInterface
    interface DeadLetterPublisher {
        void publish(String routingKey, AmqpMessage copy) throws PublishFailedException;
    }

    /** Publishes a copy with a confirm. */
    @FunctionalInterface
    interface Republisher {
        void publish(String exchange, String routingKey, AmqpMessage copy) throws PublishFailedException;
    }

    /**
     * How the adapter puts a message back as a counted copy: it publishes the copy through {@code republisher} to
     * {@code exchange} with {@code routingKey}, which route it back to the queue, and acks the original. (Not the
     * default exchange: Qpid resolves its routing key to the same-named exchange first.)
     *
     * @param brokerCounts whether the broker counts returned deliveries itself ({@value #DELIVERY_COUNT_HEADER})
     */
    record Republishing(String exchange, String routingKey, Republisher republisher, boolean brokerCounts) {
    }

    private final Channel channel;
    private final long deliveryTag;
    private final boolean redelivered;
    private final AMQP.BasicProperties properties;
    private final byte[] body;
    private final String deadLetterRoutingKey;
    private final DeadLetterPublisher deadLetters;
    /** Null when copies cannot be put back (the broker counts, and retries and deferrals requeue as they are). */
    private final Republishing republishing;
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile Runnable onSettled = () -> { };
    /** The channel underneath {@link #channel} when the message was delivered; recovery replaces it. */
    private final Channel deliveredOn;

    /** A message from a broker that counts deliveries itself (RabbitMQ). */
    InboundMessage(Channel channel, long deliveryTag, AMQP.BasicProperties properties, byte[] body,
                   String deadLetterRoutingKey, DeadLetterPublisher deadLetters) {
        this(channel, deliveryTag, false, properties, body, deadLetterRoutingKey, deadLetters, null);
    }

    /**
     * @param redelivered  the broker's redelivered flag
     * @param republishing how copies are put back, or null when they cannot be (then the broker counts deliveries)
     */
    InboundMessage(Channel channel, long deliveryTag, boolean redelivered, AMQP.BasicProperties properties,
                   byte[] body, String deadLetterRoutingKey, DeadLetterPublisher deadLetters,
                   Republishing republishing) {
        this.channel = channel;
        this.deliveredOn = underlying(channel);
        this.deliveryTag = deliveryTag;
        this.redelivered = redelivered;
        this.properties = properties;
        this.body = body;
        this.deadLetterRoutingKey = deadLetterRoutingKey;
        this.deadLetters = deadLetters;
        this.republishing = republishing;
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

    /**
     * 1 for a first delivery; else one more than the deliveries before it: the {@value #DELIVERIES_HEADER} header
     * plus, where the broker counts, its {@value #DELIVERY_COUNT_HEADER} header, or, where it does not, one when the
     * broker redelivered this copy.
     */
    int attempt() {
        long attempt = MessageCopies.count(properties.getHeaders(), DELIVERIES_HEADER) + 1L + uncountedReturn()
                + (brokerCounts() ? MessageCopies.count(properties.getHeaders(), DELIVERY_COUNT_HEADER) : 0);
        return (int) Math.min(attempt, Integer.MAX_VALUE);
    }

    /**
     * How many deliveries since the last attempt a worker {@linkplain #retry retried} ended unsettled — their worker
     * died, hung or lost its connection — so 0 when the last delivery was settled by a worker that was fine.
     */
    int returns() {
        long returns = MessageCopies.count(properties.getHeaders(), RETURNS_HEADER) + uncountedReturn()
                + (brokerCounts() ? MessageCopies.count(properties.getHeaders(), DELIVERY_COUNT_HEADER) : 0);
        return (int) Math.min(returns, Integer.MAX_VALUE);
    }

    private boolean brokerCounts() {
        return republishing == null || republishing.brokerCounts();
    }

    private int uncountedReturn() {
        return !brokerCounts() && redelivered ? 1 : 0;
    }

    /**
     * Whether this delivery came back from a consumer that went away, on a broker that does not count that: it is
     * to be {@linkplain #carryOver() carried over} before it is handled.
     */
    boolean uncountedRedelivery() {
        return !brokerCounts() && redelivered;
    }

    /**
     * Replaces this redelivered message on its queue by a copy carrying its attempt count, then acks it, so the copy
     * is handled in its place (and a consumer crashing on the copy is counted again). Says whether it did; if the copy
     * cannot be published the message stays unsettled, to be handled as it is.
     */
    boolean carryOver() {
        if (brokerCounts() || settled.get() || !stillHeld("carry over")) {
            return false;
        }
        try {
            republish(copyWithCounts(attempt() - 1, returns()));
        } catch (PublishFailedException e) {
            log.warn("Could not put back a counted copy of redelivered {} ({}); handling it as it is", label(),
                    e.getMessage());
            return false;
        }
        if (claim("carry over")) {
            settle("ack", () -> channel.basicAck(deliveryTag, false));
            log.debug("Carried over redelivered {} as attempt {}", label(), attempt());
        }
        return true;
    }

    /** The attempt of a message with {@code headers} on a broker that counts deliveries. */
    static int attempt(Map<String, Object> headers) {
        long attempt = MessageCopies.count(headers, DELIVERIES_HEADER)
                + MessageCopies.count(headers, DELIVERY_COUNT_HEADER) + 1L;
        return (int) Math.min(attempt, Integer.MAX_VALUE);
    }

    /** Done: the broker forgets the message. */
    void ack() {
        if (claim("ack") && stillHeld("ack")) {
            settle("ack", () -> channel.basicAck(deliveryTag, false));
        }
    }

    /**
     * Returns the message to the queue, or dead-letters it when {@code attempt} was its last allowed delivery: a
     * quorum queue itself would deliver it once more than the port's delivery limit.
     */
    void requeueWithinLimit(int attempt) {
        if (attempt >= RabbitTaskTransport.DELIVERY_LIMIT) {
            log.warn("Dead-lettering {} instead of requeueing it: it reached the delivery limit", label());
            deadLetter(RabbitTaskTransport.deliveryLimitReason(attempt));
        } else {
            requeue();
        }
    }

    /**
     * Not done here: the broker delivers the message again (and does so by itself if the channel is gone). Where the
     * adapter counts deliveries, a copy carrying this attempt in {@value #DELIVERIES_HEADER} goes to the back of the
     * queue (confirmed) and the original is acked; if the copy cannot be published the original is requeued as it
     * is (and counted when redelivered).
     */
    void requeue() {
        if (brokerCounts()) {
            if (claim("requeue") && stillHeld("requeue")) {
                settle("requeue", () -> channel.basicNack(deliveryTag, false, true));
            }
            return;
        }
        putBack("requeue", attempt(), returns());
    }

    /**
     * Puts the message back for another attempt after a failure a retry may cure, as a counted copy at the back of the
     * queue (the original acked); when {@code attempt} was its last allowed delivery it is dead-lettered instead, with
     * {@code reason} and {@code worker}. If the copy cannot be published the original is requeued as it is.
     */
    void retry(int attempt, String reason, String worker) {
        if (attempt >= RabbitTaskTransport.DELIVERY_LIMIT) {
            deadLetter(reason + " (attempt " + attempt + " of " + RabbitTaskTransport.DELIVERY_LIMIT + ")", worker);
            return;
        }
        putBack("retry", attempt, 0);
    }

    /**
     * Puts the message back at the end of the queue without counting this delivery: a worker that must not take it
     * now gives it to whoever comes next. If the copy cannot be published the original is requeued as it is.
     */
    void defer() {
        putBack("defer", attempt() - 1, returns());
    }

    private void putBack(String verb, int deliveries, int returns) {
        if (!claim(verb) || !stillHeld(verb)) {
            return;
        }
        if (republishing != null) {
            try {
                republish(copyWithCounts(deliveries, returns));
                settle("ack", () -> channel.basicAck(deliveryTag, false));
                return;
            } catch (PublishFailedException e) {
                log.warn("Could not put back a counted copy of {} ({}); requeueing it as it is", label(),
                        e.getMessage());
            }
        }
        settle("requeue", () -> channel.basicNack(deliveryTag, false, true));
    }

    /**
     * Dead-letters the message with {@code reason}: publishes a copy carrying the reason to the dead-letter exchange,
     * waits for its confirm, then acks the original; if the copy cannot be published, rejects the original so the
     * queue dead-letters it (without the reason).
     */
    void deadLetter(String reason) {
        deadLetter(reason, null);
    }

    /**
     * As {@link #deadLetter(String)}, the copy also naming the worker that dead-lettered it in
     * {@value RabbitTaskTransport#WORKER_HEADER} when {@code worker} is not null.
     */
    void deadLetter(String reason, String worker) {
        deadLetter(reason, worker, attempt());
    }

    /**
     * Dead-letters a delivery past the delivery limit before anyone computed it, with {@code reason}: its attempts are
     * the deliveries before it.
     */
    void deadLetterPastLimit(String reason) {
        deadLetter(reason, null, attempt() - 1);
    }

    private void deadLetter(String reason, String worker, int attempts) {
        if (!claim("reject")) {
            return;
        }
        String line = RabbitTaskTransport.oneLine(reason);
        if (!stillHeld("dead-letter (" + line + ")")) {
            return;
        }
        try {
            deadLetters.publish(deadLetterRoutingKey,
                    MessageCopies.withReason(properties, body, line, attempts, worker));
        } catch (PublishFailedException e) {
            log.warn("Could not publish the dead-letter copy of {} ({}); rejecting it to the queue's dead-letter "
                    + "exchange without its reason", label(), e.getMessage());
            settle("reject", () -> channel.basicReject(deliveryTag, false));
            return;
        }
        settle("ack", () -> channel.basicAck(deliveryTag, false));
        log.debug("Dead-lettered {} to {}: {}", label(), deadLetterRoutingKey, line);
    }

    private AmqpMessage copyWithCounts(int deliveries, int returns) {
        return MessageCopies.withCounts(properties, body, deliveries, returns);
    }

    private void republish(AmqpMessage copy) throws PublishFailedException {
        republishing.republisher().publish(republishing.exchange(), republishing.routingKey(), copy);
    }

    /**
     * Whether this delivery can still be settled: its channel is open and is not a recovered one (after a recovery
     * the broker has already returned the message, and the client would silently drop a settlement of its old tag).
     */
    private boolean stillHeld(String verb) {
        if (!channel.isOpen() || underlying(channel) != deliveredOn) {
            log.info("Not settling {} ({}): its channel closed or recovered since, so the broker has returned it to "
                    + "the queue to deliver it again", label(), verb);
            onSettled.run();
            return false;
        }
        return true;
    }

    private static Channel underlying(Channel channel) {
        return channel instanceof AutorecoveringChannel recovering ? recovering.getDelegate() : channel;
    }

    /**
     * Runs {@code hook} once this message's settlement was sent to the broker, or found impossible (its channel closed);
     * set before the message is handed out.
     */
    void whenSettled(Runnable hook) {
        onSettled = hook;
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
        } finally {
            onSettled.run();
        }
    }

    @FunctionalInterface
    private interface Settlement {
        void run() throws IOException;
    }
}
