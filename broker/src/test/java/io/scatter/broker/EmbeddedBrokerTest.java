package io.scatter.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import io.scatter.messaging.BrokerProduct;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded broker as the RabbitMQ Java client of a remote worker sees it. */
class EmbeddedBrokerTest {

    @TempDir
    static Path sharedDirectory;

    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedBroker.start(EmbeddedBroker.Config.defaults(sharedDirectory).withPort(0)
                .withStore(EmbeddedBroker.Store.MEMORY));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theRabbitMqClientPublishesWithConfirmsAndConsumesWithManualAcks() throws Exception {
        String queue = "confirm-and-ack-" + UUID.randomUUID();
        try (Connection connection = connect(broker.uri())) {
            assertThat(BrokerProduct.of(connection)).isEqualTo(BrokerProduct.QPID);
            Channel publisher = connection.createChannel();
            publisher.exchangeDeclare("work", BuiltinExchangeType.DIRECT, true);
            publisher.queueDeclare(queue, true, false, false, null);
            publisher.queueBind(queue, "work", queue);
            publisher.confirmSelect();
            for (int i = 0; i < 10; i++) {
                publisher.basicPublish("work", queue, true, MessageProperties.PERSISTENT_BASIC,
                        ("message " + i).getBytes(StandardCharsets.UTF_8));
            }
            publisher.waitForConfirmsOrDie(10_000);

            Channel abandoning = connection.createChannel();
            abandoning.basicQos(3);
            BlockingQueue<Delivered> held = new LinkedBlockingQueue<>();
            abandoning.basicConsume(queue, false, recorder(abandoning, held));
            List<Delivered> firstThree = take(held, 3);
            assertThat(held.poll(300, TimeUnit.MILLISECONDS)).as("the prefetch holds back the 4th").isNull();
            abandoning.close();

            Channel consumer = connection.createChannel();
            consumer.basicQos(5);
            BlockingQueue<Delivered> deliveries = new LinkedBlockingQueue<>();
            consumer.basicConsume(queue, false, acking(consumer, deliveries));
            List<Delivered> all = take(deliveries, 10);

            assertThat(firstThree).extracting(Delivered::body)
                    .containsExactly("message 0", "message 1", "message 2");
            assertThat(all).extracting(Delivered::body).containsExactlyInAnyOrder("message 0", "message 1",
                    "message 2", "message 3", "message 4", "message 5", "message 6", "message 7", "message 8",
                    "message 9");
            assertThat(all).filteredOn(Delivered::redelivered).extracting(Delivered::body)
                    .containsExactlyInAnyOrder("message 0", "message 1", "message 2");
            assertThat(deliveries.poll(300, TimeUnit.MILLISECONDS)).as("nothing acked comes back").isNull();
            consumer.close();
            Channel check = connection.createChannel();
            assertThat(check.messageCount(queue)).isZero();
            check.queueDelete(queue);
        }
    }

    @Test
    void anUnroutableMandatoryPublishIsReturnedAndTheConnectionStaysOpen() throws Exception {
        try (Connection connection = connect(broker.uri())) {
            Channel channel = connection.createChannel();
            channel.exchangeDeclare("nowhere", BuiltinExchangeType.DIRECT, true);
            channel.confirmSelect();
            BlockingQueue<String> returned = new LinkedBlockingQueue<>();
            channel.addReturnListener(message -> returned.add(message.getRoutingKey()));

            channel.basicPublish("nowhere", "no-such-key", true, MessageProperties.PERSISTENT_BASIC, new byte[0]);

            assertThat(returned.poll(10, TimeUnit.SECONDS)).isEqualTo("no-such-key");
            assertThatThrownBy(() -> channel.waitForConfirmsOrDie(10_000)).isInstanceOf(IOException.class);
            assertThat(connection.isOpen()).isTrue();
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        String wrong = broker.uri().replace("guest:guest@", "guest:wrong@");

        assertThatThrownBy(() -> connect(wrong).close()).isInstanceOf(IOException.class);
    }

    @Test
    void aUserAndPasswordThatNeedEscapingConnectThroughTheUri(@TempDir Path dataDirectory) throws Exception {
        EmbeddedBroker.Config config = EmbeddedBroker.Config.defaults(dataDirectory).withPort(0)
                .withStore(EmbeddedBroker.Store.MEMORY).withUser("head node", "p@ss:w/rd%")
                .withVirtualHost("scatter-1");
        try (EmbeddedBroker started = EmbeddedBroker.start(config); Connection connection = connect(started.uri())) {
            assertThat(started.uri()).isEqualTo("amqp://head%20node:p%40ss%3Aw%2Frd%25@127.0.0.1:" + started.port()
                    + "/scatter-1");
            assertThat(connection.isOpen()).isTrue();
            assertThat(config.toString()).doesNotContain("p@ss");
        }
    }

    @Test
    void theUriNamesTheUserThePortPickedAndTheVirtualHost() {
        assertThat(broker.port()).isPositive();
        assertThat(broker.uri()).isEqualTo("amqp://guest:guest@127.0.0.1:" + broker.port() + "/scatter");
        assertThat(sharedDirectory.resolve("initial-config.json")).isRegularFile();
    }

    @Test
    void queuesAndPersistentMessagesSurviveARestartOnTheDerbyStore(@TempDir Path dataDirectory) throws Exception {
        EmbeddedBroker.Config config = EmbeddedBroker.Config.defaults(dataDirectory).withPort(0);
        try (EmbeddedBroker first = EmbeddedBroker.start(config); Connection connection = connect(first.uri())) {
            Channel channel = connection.createChannel();
            channel.queueDeclare("durable", true, false, false, null);
            channel.confirmSelect();
            channel.basicPublish("", "durable", true, MessageProperties.PERSISTENT_BASIC,
                    "kept".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
        }

        try (EmbeddedBroker second = EmbeddedBroker.start(config); Connection connection = connect(second.uri())) {
            Channel channel = connection.createChannel();
            GetResponse kept = channel.basicGet("durable", true);

            assertThat(kept).isNotNull();
            assertThat(new String(kept.getBody(), StandardCharsets.UTF_8)).isEqualTo("kept");
        }
        assertThat(dataDirectory.resolve(EmbeddedBroker.Config.DEFAULT_VIRTUAL_HOST)).isDirectory();
        assertThat(Path.of("derby.log")).as("Derby's log in the working directory").doesNotExist();
        assertThat(Path.of("work")).as("Qpid's default work directory").doesNotExist();
    }

    @Test
    void aPortThatIsTakenFailsTheStart(@TempDir Path dataDirectory) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedBroker.Config config = EmbeddedBroker.Config.defaults(dataDirectory).withPort(taken.getLocalPort())
                    .withStore(EmbeddedBroker.Store.MEMORY);

            assertThatThrownBy(() -> EmbeddedBroker.start(config).close())
                    .isInstanceOf(BrokerStartException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
    }

    @Test
    void theDataDirectoryIsCreatedWhenMissing(@TempDir Path parent) throws Exception {
        Path dataDirectory = parent.resolve("a").resolve("b");
        try (EmbeddedBroker started = EmbeddedBroker.start(EmbeddedBroker.Config.defaults(dataDirectory).withPort(0)
                .withStore(EmbeddedBroker.Store.MEMORY))) {
            assertThat(Files.isDirectory(dataDirectory)).isTrue();
            assertThat(started.port()).isNotEqualTo(broker.port());
        }
    }

    private static Connection connect(String uri) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("embedded-broker-test");
    }

    private record Delivered(long tag, String body, boolean redelivered) {
    }

    private static DefaultConsumer recorder(Channel channel, BlockingQueue<Delivered> into) {
        return new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                into.add(new Delivered(envelope.getDeliveryTag(), new String(body, StandardCharsets.UTF_8),
                        envelope.isRedeliver()));
            }
        };
    }

    private static DefaultConsumer acking(Channel channel, BlockingQueue<Delivered> into) {
        return new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                    throws IOException {
                into.add(new Delivered(envelope.getDeliveryTag(), new String(body, StandardCharsets.UTF_8),
                        envelope.isRedeliver()));
                channel.basicAck(envelope.getDeliveryTag(), false);
            }
        };
    }

    private static List<Delivered> take(BlockingQueue<Delivered> from, int count) throws InterruptedException {
        List<Delivered> taken = new ArrayList<>();
        while (taken.size() < count) {
            Delivered next = from.poll(10, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("only " + taken.size() + " of " + count + " deliveries arrived: " + taken);
            }
            taken.add(next);
        }
        return taken;
    }
}
