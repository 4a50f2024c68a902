package io.scatter.api.workers;

import io.scatter.api.broker.BrokerListener;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.heartbeat.HeartbeatConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** Passes every worker heartbeat to the {@link WorkerRegistry}, through a private queue of this API replica's own. */
@Component
class HeartbeatListener implements BrokerListener {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatListener.class);

    private final WorkerRegistry registry;
    private volatile HeartbeatConsumer consumer;

    HeartbeatListener(WorkerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void connected(BrokerConnection connection) throws IOException {
        consumer = HeartbeatConsumer.start(connection, registry::heard);
        log.info("Listening for worker heartbeats");
    }

    @Override
    public void disconnecting() {
        HeartbeatConsumer open = consumer;
        if (open != null) {
            open.close();
        }
    }
}
