package io.scatter.broker;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import io.scatter.contracts.Channels;
import io.scatter.contracts.WorkerHeartbeatMessage;
import io.scatter.messaging.AmqpMessage;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.ConfirmingPublisher;
import io.scatter.messaging.PublishFailedException;
import io.scatter.messaging.Topology;
import io.scatter.messaging.heartbeat.HeartbeatConsumer;
import io.scatter.messaging.heartbeat.HeartbeatPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The messaging building blocks on Qpid by themselves, without the transport: {@link Topology} (Qpid's own delivery
 * limit and alternate exchange put a task that a plain client rejects past the limit into
 * {@code scatter.tasks.dead-letter}), {@link ConfirmingPublisher}, and heartbeats on their fan-out exchange.
 */
class MessagingOnQpidTest {

    @TempDir
    static Path dataDirectory;

    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedBroker.start(EmbeddedBroker.Config.defaults(dataDirectory).withPort(0)
                .withStore(EmbeddedBroker.Store.MEMORY));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aTaskRejectedAfterTheDeliveryLimitGoesToTheTaskDeadLetterQueue() throws Exception {
        try (Connection connection = connect()) {
            Channel channel = connection.createChannel();
            Topology.declare(channel);
            channel.confirmSelect();
            channel.basicPublish(Channels.TASKS_EXCHANGE, Channels.TASKS_QUEUE, true,
                    MessageProperties.PERSISTENT_BASIC, "poison".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);

            for (int delivery = 1; delivery < Channels.DELIVERY_LIMIT; delivery++) {
                Channel crashing = connection.createChannel();
                assertThat(crashing.basicGet(Channels.TASKS_QUEUE, false)).as("delivery %d", delivery).isNotNull();
                crashing.close();
            }
            Channel rejecting = connection.createChannel();
            GetResponse last = rejecting.basicGet(Channels.TASKS_QUEUE, false);
            rejecting.basicReject(last.getEnvelope().getDeliveryTag(), false);

            GetResponse dead = getWithin(channel, Channels.TASKS_DEAD_LETTER_QUEUE);
            assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("poison");
            assertThat(channel.messageCount(Channels.TASKS_QUEUE)).isZero();
            assertThat(channel.messageCount(Channels.RESULTS_DEAD_LETTER_QUEUE)).isZero();
        }
    }

    @Test
    void declaringTheTopologyTwiceIsFine() throws Exception {
        try (Connection connection = connect()) {
            Topology.declare(connection.createChannel());
            Topology.declare(connection.createChannel());

            assertThat(connection.isOpen()).isTrue();
        }
    }

    @Test
    void qpidRefusesRabbitMqQueueArgumentsByClosingTheConnection() throws Exception {
        Connection connection = connect();
        Channel channel = connection.createChannel();

        assertThatThrownBy(() -> channel.queueDeclare("quorum", true, false, false, Map.of("x-queue-type", "quorum")))
                .hasRootCauseMessage("connection error; protocol method: #method<connection.close>(reply-code=542,"
                        + " reply-text=Error creating queue 'quorum': Unsupported queue declare argument(s) :"
                        + " x-queue-type, class-id=50, method-id=10)");
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void anUnroutablePublishFailsWithTheReasonTheBrokerReturnedItFor() throws Exception {
        try (BrokerConnection connection = BrokerConnection.open(broker.uri(), "publisher-test", null);
             ConfirmingPublisher publisher = new ConfirmingPublisher(connection)) {
            try (Channel channel = connection.openChannel()) {
                Topology.declare(channel);
            }
            AmqpMessage message = new AmqpMessage(MessageProperties.PERSISTENT_BASIC, new byte[0]);

            assertThatThrownBy(() -> publisher.publishRaw(Channels.DEAD_LETTER_EXCHANGE, "no-such-queue", true,
                    message, Duration.ofSeconds(10)))
                    .isInstanceOf(PublishFailedException.class)
                    .hasMessageStartingWith("message returned as unroutable by exchange 'scatter.dead-letter' with "
                            + "key 'no-such-queue'");
            publisher.publishRaw(Channels.DEAD_LETTER_EXCHANGE, Channels.TASKS_DEAD_LETTER_QUEUE, true, message,
                    Duration.ofSeconds(10));
            assertThat(connection.isOpen()).isTrue();
        }
    }

    @Test
    void aHeartbeatReachesEveryListenerAndOneNobodyListensToIsConfirmedAllTheSame() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        WorkerHeartbeatMessage heartbeat = new WorkerHeartbeatMessage("head-worker", "head", 7, 2, 3, 1,
                List.of(new WorkerHeartbeatMessage.InFlightTask(UUID.randomUUID(), 1, now)), now.minusSeconds(5), now,
                WorkerHeartbeatMessage.State.RUNNING);
        BlockingQueue<WorkerHeartbeatMessage> first = new LinkedBlockingQueue<>();
        BlockingQueue<WorkerHeartbeatMessage> second = new LinkedBlockingQueue<>();
        try (BrokerConnection connection = BrokerConnection.open(broker.uri(), "heartbeat-test", null);
             HeartbeatPublisher publisher = new HeartbeatPublisher(connection, Duration.ofSeconds(10))) {
            try (Channel channel = connection.openChannel()) {
                Topology.declare(channel);
            }
            publisher.publish(heartbeat);

            try (HeartbeatConsumer one = HeartbeatConsumer.start(connection, first::add);
                 HeartbeatConsumer two = HeartbeatConsumer.start(connection, second::add)) {
                publisher.publish(heartbeat);

                assertThat(first.poll(10, TimeUnit.SECONDS)).isEqualTo(heartbeat);
                assertThat(second.poll(10, TimeUnit.SECONDS)).isEqualTo(heartbeat);
            }
            assertThat(first).as("heartbeats from before the listener").isEmpty();
            assertThat(connection.isOpen()).isTrue();
        }
    }

    private static GetResponse getWithin(Channel channel, String queue) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            GetResponse response = channel.basicGet(queue, true);
            if (response != null) {
                return response;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("nothing arrived in " + queue);
    }

    private static Connection connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker.uri());
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("topology-test");
    }
}
