package io.scatter.messaging.heartbeat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.cloudevents.CloudEvent;
import io.scatter.contracts.WorkerHeartbeatMessage;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.BrokerProduct;
import io.scatter.messaging.CloudEventAmqpCodec;
import io.scatter.messaging.MalformedMessageException;
import io.scatter.messaging.ScatterEvents;
import io.scatter.messaging.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Listens to the heartbeat fan-out exchange on a private, server-named, exclusive, auto-delete queue (auto-ack: a
 * heartbeat missed while not listening is not wanted later) and passes on every heartbeat, so that every listener
 * (each API replica) hears from every worker; malformed ones are logged and dropped.
 */
public final class HeartbeatConsumer extends DefaultConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatConsumer.class);

    private final Consumer<WorkerHeartbeatMessage> listener;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HeartbeatConsumer(Channel channel, Consumer<WorkerHeartbeatMessage> listener) {
        super(channel);
        this.listener = listener;
    }

    /**
     * Opens a channel on {@code connection}, declares and binds a private queue and starts passing heartbeats to
     * {@code listener} (on the connection's consumer threads). The exchange must exist ({@link Topology#declare}).
     */
    public static HeartbeatConsumer start(BrokerConnection connection, Consumer<WorkerHeartbeatMessage> listener)
            throws IOException {
        Objects.requireNonNull(listener, "listener");
        HeartbeatConsumer consumer = new HeartbeatConsumer(connection.openChannel(), listener);
        try {
            Channel channel = consumer.getChannel();
            String queue = channel.queueDeclare("", false, true, true,
                    Topology.heartbeatQueueArguments(BrokerProduct.of(connection.connection()))).getQueue();
            channel.queueBind(queue, WorkerHeartbeatMessage.EXCHANGE, WorkerHeartbeatMessage.ROUTING_KEY);
            channel.basicConsume(queue, true, consumer);
            log.debug("Listening for worker heartbeats on {}", queue);
            return consumer;
        } catch (IOException | RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        if (closed.get()) {
            return;
        }
        WorkerHeartbeatMessage heartbeat;
        try {
            CloudEvent event = CloudEventAmqpCodec.decode(properties, body);
            if (!WorkerHeartbeatMessage.TYPE.equals(event.getType())) {
                log.debug("Ignoring a message of type {} on the heartbeat exchange", event.getType());
                return;
            }
            heartbeat = ScatterEvents.data(event, WorkerHeartbeatMessage.class);
        } catch (MalformedMessageException e) {
            log.warn("Ignoring a malformed heartbeat: {}", e.getMessage());
            return;
        }
        try {
            listener.accept(heartbeat);
        } catch (RuntimeException e) {
            log.error("The heartbeat listener failed on the heartbeat of worker {}", heartbeat.worker(), e);
        }
    }

    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException signal) {
        if (!signal.isInitiatedByApplication() && !closed.get() && !signal.isHardError()) {
            log.error("The broker closed the heartbeat channel: {}", signal.getMessage());
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
            log.debug("Closing the heartbeat channel failed: {}", e.getMessage());
        }
    }
}
