package io.scatter.broker;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.scatter.contracts.Channels;
import io.scatter.engine.transport.TaskTransport;
import io.scatter.engine.transport.TaskTransportContract;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.BrokerProduct;
import io.scatter.messaging.transport.RabbitTaskTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared transport contract against {@link RabbitTaskTransport} on the embedded Qpid broker: one broker (Derby
 * store in a temporary directory, a free loopback port) for the class, Scatter's queues deleted before each test and
 * declared afresh by the next transport.
 */
class EmbeddedBrokerTaskTransportContractTest extends TaskTransportContract {

    private static final List<String> QUEUES = List.of(Channels.TASKS_QUEUE, Channels.RESULTS_QUEUE,
            Channels.TASKS_DEAD_LETTER_QUEUE, Channels.RESULTS_DEAD_LETTER_QUEUE);

    @TempDir
    static Path dataDirectory;

    private static EmbeddedBroker broker;
    private static Connection admin;
    private final List<RabbitTaskTransport> transports = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedBroker.start(EmbeddedBroker.Config.defaults(dataDirectory).withPort(0));
        admin = BrokerConnection.factory(broker.uri()).newConnection("contract-admin");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    protected TaskTransport newTransport() throws Exception {
        for (String queue : QUEUES) {
            deleteIfPresent(queue);
        }
        RabbitTaskTransport transport = RabbitTaskTransport.connect(broker.uri(), "contract-test",
                RabbitTaskTransport.Options.DEFAULTS.withConfirmTimeout(Duration.ofSeconds(10)));
        transports.add(transport);
        assertThat(transport.product()).isEqualTo(BrokerProduct.QPID);
        return transport;
    }

    /** Deletes {@code queue}; Qpid, unlike RabbitMQ, closes the channel when there is no such queue. */
    private static void deleteIfPresent(String queue) throws Exception {
        Channel channel = admin.createChannel();
        try {
            channel.queueDelete(queue);
        } catch (IOException e) {
            return;
        }
        channel.close();
    }

    @AfterEach
    void closeTransports() {
        transports.forEach(RabbitTaskTransport::close);
        transports.clear();
    }
}
