package io.scatter.messaging.transport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.cloudevents.CloudEvent;
import io.scatter.contracts.JobCancelledMessage;
import io.scatter.engine.transport.Subscription;
import io.scatter.messaging.CloudEventAmqpCodec;
import io.scatter.messaging.MalformedMessageException;
import io.scatter.messaging.ScatterEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Listens to the control fan-out exchange on a private, server-named, exclusive, auto-delete queue (auto-ack: a
 * cancellation missed while not listening is not wanted later) and passes on the ids of cancelled jobs.
 */
final class CancelListener extends DefaultConsumer implements Subscription {

    private static final Logger log = LoggerFactory.getLogger(CancelListener.class);

    private final Consumer<UUID> listener;
    private final Consumer<CancelListener> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    CancelListener(Channel channel, Consumer<UUID> listener, Consumer<CancelListener> onClose) {
        super(channel);
        this.listener = listener;
        this.onClose = onClose;
    }

    /** Declares the private queue, binds it to {@code exchange} and starts consuming. */
    void start(String exchange) throws IOException {
        String queue = getChannel().queueDeclare("", false, true, true, null).getQueue();
        getChannel().queueBind(queue, exchange, JobCancelledMessage.ROUTING_KEY);
        getChannel().basicConsume(queue, true, this);
        log.debug("Listening for cancellations on {}", queue);
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        if (closed.get()) {
            return;
        }
        UUID jobId;
        try {
            CloudEvent event = CloudEventAmqpCodec.decode(properties, body);
            if (!JobCancelledMessage.TYPE.equals(event.getType())) {
                log.debug("Ignoring control message of type {}", event.getType());
                return;
            }
            jobId = ScatterEvents.data(event, JobCancelledMessage.class).jobId();
        } catch (MalformedMessageException e) {
            log.warn("Ignoring malformed control message: {}", e.getMessage());
            return;
        }
        try {
            listener.accept(jobId);
        } catch (RuntimeException e) {
            log.error("The cancel listener failed on job {}", jobId, e);
        }
    }

    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException signal) {
        if (!signal.isInitiatedByApplication() && !closed.get() && !signal.isHardError()) {
            log.error("The broker closed the control channel: {}", signal.getMessage());
        }
    }

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
            log.debug("Closing the control channel failed: {}", e.getMessage());
        }
        onClose.accept(this);
    }
}
