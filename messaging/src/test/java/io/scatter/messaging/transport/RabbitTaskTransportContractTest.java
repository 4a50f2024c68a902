package io.scatter.messaging.transport;

import io.scatter.engine.transport.TaskTransport;
import io.scatter.engine.transport.TaskTransportContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared transport contract against the real local RabbitMQ: one vhost for the class, Scatter's queues deleted and
 * declared afresh before each test (a vhost per test would cost about two seconds of {@code rabbitmqctl} each).
 */
class RabbitTaskTransportContractTest extends TaskTransportContract {

    private static RabbitTransportFixture fixture;

    @BeforeAll
    static void createVhost() throws Exception {
        fixture = RabbitTransportFixture.create("transport-contract");
    }

    @AfterAll
    static void deleteVhost() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Override
    protected TaskTransport newTransport() {
        return fixture.newTransport();
    }

    @AfterEach
    void closeTransports() {
        fixture.closeAll();
    }
}
