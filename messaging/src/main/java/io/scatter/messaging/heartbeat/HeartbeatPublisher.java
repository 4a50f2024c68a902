package io.scatter.messaging.heartbeat;

import io.scatter.contracts.WorkerHeartbeatMessage;
import io.scatter.messaging.AmqpMessage;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.CloudEventAmqpCodec;
import io.scatter.messaging.ConfirmingPublisher;
import io.scatter.messaging.PublishFailedException;
import io.scatter.messaging.ScatterEvents;

import java.time.Duration;
import java.util.Objects;

/**
 * Publishes worker heartbeats to {@link WorkerHeartbeatMessage#EXCHANGE}, from any thread: transient (a heartbeat is
 * worthless after a broker restart), not mandatory (no listener is no failure), each confirmed within a timeout.
 */
public final class HeartbeatPublisher implements AutoCloseable {

    private final ConfirmingPublisher publisher;
    private final Duration confirmTimeout;

    public HeartbeatPublisher(BrokerConnection connection, Duration confirmTimeout) {
        this.publisher = new ConfirmingPublisher(Objects.requireNonNull(connection, "connection"));
        this.confirmTimeout = Objects.requireNonNull(confirmTimeout, "confirmTimeout");
    }

    /** The AMQP message of {@code heartbeat} under event id {@code id}, exactly as it is published. */
    public static AmqpMessage message(String id, WorkerHeartbeatMessage heartbeat) {
        return CloudEventAmqpCodec.encode(ScatterEvents.heartbeat(id, heartbeat), false);
    }

    /** Publishes one heartbeat and waits for the broker's confirm. */
    public synchronized void publish(WorkerHeartbeatMessage heartbeat) throws PublishFailedException {
        Objects.requireNonNull(heartbeat, "heartbeat");
        publisher.publishRaw(WorkerHeartbeatMessage.EXCHANGE, WorkerHeartbeatMessage.ROUTING_KEY, false,
                message(ScatterEvents.newId(), heartbeat), confirmTimeout);
    }

    @Override
    public synchronized void close() {
        publisher.close();
    }
}
