package io.scatter.api.broker;

import io.scatter.messaging.BrokerConnection;

import java.io.IOException;

/** A component that starts using RabbitMQ once the API is connected, and stops before the connection closes. */
public interface BrokerListener {

    /** Called once, on the connecting thread, after the topology was declared. */
    void connected(BrokerConnection connection) throws IOException;

    /** Called at shutdown before the connection closes (only if {@link #connected} was called). */
    void disconnecting();
}
