package io.scatter.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Listens to a fan-out exchange on a private, server-named, exclusive, auto-delete queue (auto-ack: a message missed
 * while not listening is not wanted later), so that every listener hears every message, and passes on the contract
 * records of one CloudEvent type; other types are ignored, malformed messages logged and dropped.
 *
 * @param <T> the contract record the events carry
 */
public final class FanOutListener<T> extends DefaultConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FanOutListener.class);

    private final String what;
    private final String eventType;
    private final Class<T> recordType;
    private final Consumer<T> listener;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param channel    a channel of its own, closed with this listener
     * @param what       what the messages are, for logs, e.g. {@code heartbeat}
     * @param eventType  the CloudEvent type passed on, e.g. {@code scatter.worker-heartbeat.v1}
     * @param recordType the record its data is read into
     * @param listener   called with each record, on the connection's consumer threads
     * @param onClose    called once when the listener is closed
     */
    public FanOutListener(Channel channel, String what, String eventType, Class<T> recordType, Consumer<T> listener,
                          Runnable onClose) {
        super(channel);
        this.what = Objects.requireNonNull(what, "what");
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        this.recordType = Objects.requireNonNull(recordType, "recordType");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    /** Declares the private queue (with {@code queueArguments}, may be null), binds it and starts consuming. */
    public void start(String exchange, String routingKey, Map<String, Object> queueArguments) throws IOException {
        String queue = getChannel().queueDeclare("", false, true, true, queueArguments).getQueue();
        getChannel().queueBind(queue, exchange, routingKey);
        getChannel().basicConsume(queue, true, this);
        log.debug("Listening for {} messages on {}", what, queue);
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        if (closed.get()) {
            return;
        }
        T message;
        try {
            CloudEvent event = CloudEventAmqpCodec.decode(properties, body);
            if (!eventType.equals(event.getType())) {
                log.debug("Ignoring a message of type {} among the {} messages", event.getType(), what);
                return;
            }
            message = ScatterEvents.data(event, recordType);
        } catch (MalformedMessageException e) {
            log.warn("Ignoring a malformed {} message: {}", what, e.getMessage());
            return;
        }
        try {
            listener.accept(message);
        } catch (RuntimeException e) {
            log.error("The {} listener failed on {}", what, message, e);
        }
    }

    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException signal) {
        if (!signal.isInitiatedByApplication() && !closed.get() && !signal.isHardError()) {
            log.error("The broker closed the {} channel: {}", what, signal.getMessage());
        }
    }

    /** Stops listening and closes the channel; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (getChannel().isOpen()) {
                getChannel().close();
            }
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            log.debug("Closing the {} channel failed: {}", what, e.getMessage());
        }
        onClose.run();
    }
}
