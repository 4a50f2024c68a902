package io.scatter.messaging.heartbeat;

import com.rabbitmq.client.Channel;
import io.scatter.contracts.WorkerHeartbeatMessage;
import io.scatter.contracts.WorkerHeartbeatMessage.InFlightTask;
import io.scatter.contracts.WorkerHeartbeatMessage.State;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.Topology;
import io.scatter.messaging.testing.TestVhost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Heartbeats through the fan-out exchange on the real local RabbitMQ, in a vhost of its own. */
class HeartbeatRoundTripTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static TestVhost vhost;
    private static BrokerConnection connection;

    @BeforeAll
    static void connect() throws Exception {
        vhost = TestVhost.create("heartbeat");
        connection = BrokerConnection.open(vhost.uri(), "heartbeat-test", null);
        try (Channel channel = connection.openChannel()) {
            Topology.declare(channel);
        }
    }

    @AfterAll
    static void disconnect() {
        if (connection != null) {
            connection.close();
        }
        if (vhost != null) {
            vhost.close();
        }
    }

    @Test
    void everyListenerReceivesEveryHeartbeatAsItWasSent() throws Exception {
        BlockingQueue<WorkerHeartbeatMessage> first = new LinkedBlockingQueue<>();
        BlockingQueue<WorkerHeartbeatMessage> second = new LinkedBlockingQueue<>();
        WorkerHeartbeatMessage heartbeat = heartbeat("pi-1");
        try (HeartbeatConsumer one = HeartbeatConsumer.start(connection, first::add);
             HeartbeatConsumer two = HeartbeatConsumer.start(connection, second::add);
             HeartbeatPublisher publisher = new HeartbeatPublisher(connection, WAIT)) {
            publisher.publish(heartbeat);

            assertThat(first.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(heartbeat);
            assertThat(second.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(heartbeat);
        }
    }

    @Test
    void aHeartbeatNobodyListensToIsConfirmedAndDropped() throws Exception {
        try (HeartbeatPublisher publisher = new HeartbeatPublisher(connection, WAIT)) {
            publisher.publish(heartbeat("alone"));
        }

        assertThat(queues()).isEmpty();
    }

    @Test
    void aListenersQueueIsPrivateDropsOldHeartbeatsAndGoesAwayWithIt() throws Exception {
        try (HeartbeatConsumer consumer = HeartbeatConsumer.start(connection, heartbeat -> { })) {
            assertThat(queues()).singleElement().satisfies(queue -> assertThat(queue)
                    .contains("x-message-ttl", String.valueOf(Topology.HEARTBEAT_TTL.toMillis()))
                    .endsWith("\ttrue\ttrue\tfalse"));
        }

        assertThat(queues()).isEmpty();
    }

    /** The vhost's server-named queues: name, arguments, exclusive, auto-delete, durable, tab-separated. */
    private static List<String> queues() {
        return TestVhost.rabbitmqctl("list_queues", "-p", vhost.name(), "--no-table-headers", "name", "arguments",
                "exclusive", "auto_delete", "durable").lines().filter(line -> line.startsWith("amq.gen-")).toList();
    }

    private static WorkerHeartbeatMessage heartbeat(String worker) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new WorkerHeartbeatMessage(worker, "host-1", 42, 2, 5, 1,
                List.of(new InFlightTask(UUID.randomUUID(), 0, now)), now.minusSeconds(60), now, State.RUNNING);
    }
}
