package io.scatter.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes messages as persistent and mandatory, and returns only once the broker has confirmed every one of them;
 * anything short of that (a nack, an unroutable return, a timeout, a lost channel) is a {@link PublishFailedException}.
 * One per thread: it owns one channel, reopened after a failure.
 */
public final class ConfirmingPublisher implements AutoCloseable {

    private final BrokerConnection connection;
    /** How long a nack waits for the return that may follow it. */
    private static final Duration RETURN_AFTER_NACK = Duration.ofMillis(250);

    private final AtomicReference<String> returned = new AtomicReference<>();
    private Channel channel;

    public ConfirmingPublisher(BrokerConnection connection) {
        this.connection = connection;
    }

    /** Publishes one message and waits for its confirm. */
    public void publish(OutgoingMessage message, Duration timeout) throws PublishFailedException {
        publishAll(List.of(message), timeout);
    }

    /** Publishes all messages, then waits until the broker confirmed all of them. */
    public void publishAll(List<OutgoingMessage> messages, Duration timeout) throws PublishFailedException {
        publishAll(messages, timeout, MessageSigning.OFF);
    }

    /** As {@link #publishAll(List, Duration)}, each message signed by {@code signing}. */
    public void publishAll(List<OutgoingMessage> messages, Duration timeout, MessageSigning signing)
            throws PublishFailedException {
        if (messages.isEmpty()) {
            return;
        }
        confirmed(open -> {
            for (OutgoingMessage message : messages) {
                AmqpMessage amqp = signing.sign(CloudEventAmqpCodec.encode(message.event()));
                open.basicPublish(message.exchange(), message.routingKey(), message.mandatory(), amqp.properties(),
                        amqp.body());
            }
        }, timeout);
    }

    /**
     * Publishes an already-encoded message as it is (its properties and headers untouched, e.g. a copy of a delivered
     * message on its way to a dead-letter queue) and waits for its confirm.
     */
    public void publishRaw(String exchange, String routingKey, boolean mandatory, AmqpMessage message,
                           Duration timeout) throws PublishFailedException {
        confirmed(open -> open.basicPublish(exchange, routingKey, mandatory, message.properties(), message.body()),
                timeout);
    }

    @FunctionalInterface
    private interface Publishing {
        void publishOn(Channel channel) throws IOException;
    }

    private void confirmed(Publishing publishing, Duration timeout) throws PublishFailedException {
        try {
            Channel open = channel();
            returned.set(null);
            publishing.publishOn(open);
            if (!open.waitForConfirms(timeout.toMillis())) {
                String reason = returnAfterNack();
                discardChannel();
                throw new PublishFailedException(reason != null ? reason
                        : "publish not confirmed: the broker nacked it");
            }
            String reason = returned.get();
            if (reason != null) {
                throw new PublishFailedException(reason);
            }
        } catch (IOException | ShutdownSignalException e) {
            discardChannel();
            String reason = returned.get();
            if (reason != null) {
                throw new PublishFailedException(reason, e);
            }
            throw new PublishFailedException("publish not confirmed: "
                    + CloudEventAmqpCodec.oneLine(String.valueOf(e.getMessage())), e);
        } catch (TimeoutException e) {
            discardChannel();
            throw new PublishFailedException("no publisher confirm within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discardChannel();
            throw new PublishFailedException("interrupted while waiting for publisher confirms", e);
        }
    }

    /**
     * The return of the message just nacked, if the broker sent one: Qpid Broker-J nacks an unroutable mandatory
     * message and returns it (RabbitMQ acks it), and the return may come in just after the nack, so it gets a moment
     * to arrive.
     */
    private String returnAfterNack() {
        long deadline = System.nanoTime() + RETURN_AFTER_NACK.toNanos();
        String reason = returned.get();
        while (reason == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return returned.get();
            }
            reason = returned.get();
        }
        return reason;
    }

    private Channel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            discardChannel();
            Channel fresh = connection.openChannel();
            fresh.confirmSelect();
            fresh.addReturnListener(message -> returned.compareAndSet(null, "message returned as unroutable by "
                    + "exchange '" + message.getExchange() + "' with key '" + message.getRoutingKey() + "': "
                    + message.getReplyText()));
            channel = fresh;
        }
        return channel;
    }

    private void discardChannel() {
        if (channel != null) {
            try {
                if (channel.isOpen()) {
                    channel.abort();
                }
            } catch (IOException | RuntimeException ignored) {
                // the channel is being thrown away either way
            }
            channel = null;
        }
    }

    @Override
    public void close() {
        discardChannel();
    }
}
