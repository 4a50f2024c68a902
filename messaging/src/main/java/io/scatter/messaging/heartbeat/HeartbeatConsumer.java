package io.scatter.messaging.heartbeat;

import io.scatter.contracts.WorkerHeartbeatMessage;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.BrokerProduct;
import io.scatter.messaging.FanOutListener;
import io.scatter.messaging.Topology;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hears every worker heartbeat on the heartbeat fan-out exchange, through a queue of its own, so that every listener
 * (each API replica) hears from every worker.
 */
public final class HeartbeatConsumer implements AutoCloseable {

    private final FanOutListener<WorkerHeartbeatMessage> listener;

    private HeartbeatConsumer(FanOutListener<WorkerHeartbeatMessage> listener) {
        this.listener = listener;
    }

    /**
     * Opens a channel on {@code connection}, declares and binds a private queue and starts passing heartbeats to
     * {@code listener} (on the connection's consumer threads). The exchange must exist ({@link Topology#declare}).
     */
    public static HeartbeatConsumer start(BrokerConnection connection, Consumer<WorkerHeartbeatMessage> listener)
            throws IOException {
        Objects.requireNonNull(listener, "listener");
        FanOutListener<WorkerHeartbeatMessage> fanOut = new FanOutListener<>(connection.openChannel(), "heartbeat",
                WorkerHeartbeatMessage.TYPE, WorkerHeartbeatMessage.class, listener, () -> { });
        try {
            fanOut.start(WorkerHeartbeatMessage.EXCHANGE, WorkerHeartbeatMessage.ROUTING_KEY,
                    Topology.heartbeatQueueArguments(BrokerProduct.of(connection.connection())));
            return new HeartbeatConsumer(fanOut);
        } catch (IOException | RuntimeException e) {
            fanOut.close();
            throw e;
        }
    }

    /** Stops listening and closes the channel; idempotent. */
    @Override
    public void close() {
        listener.close();
    }
}
