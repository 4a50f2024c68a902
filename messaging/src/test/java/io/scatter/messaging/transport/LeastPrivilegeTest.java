package io.scatter.messaging.transport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.contracts.WorkerHeartbeatMessage;
import io.scatter.engine.transport.ResultDelivery;
import io.scatter.engine.transport.TransportException;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.Topology;
import io.scatter.messaging.heartbeat.HeartbeatConsumer;
import io.scatter.messaging.heartbeat.HeartbeatPublisher;
import io.scatter.messaging.testing.TestVhost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * The users that {@code deploy/rabbitmq/least-privilege.sh} creates are enough for the API and a worker to exchange
 * tasks, results, cancellations and heartbeats, and the worker's user can neither publish tasks nor take the API's
 * results.
 */
class LeastPrivilegeTest {

    private static final Path SCRIPT = Path.of("..", "deploy", "rabbitmq", "least-privilege.sh");
    private static final String RANDOM = UUID.randomUUID().toString().substring(0, 8);
    private static final String API_USER = "scatter-test-api-" + RANDOM;
    private static final String WORKER_USER = "scatter-test-worker-" + RANDOM;
    private static final String API_PASSWORD = "api-" + UUID.randomUUID();
    private static final String WORKER_PASSWORD = "worker-" + UUID.randomUUID();
    private static final RabbitTaskTransport.Options OPTIONS = RabbitTaskTransport.Options.DEFAULTS
            .withConfirmTimeout(Duration.ofSeconds(10)).withCloseGrace(Duration.ofSeconds(1));

    private TestVhost vhost;

    @BeforeEach
    void createTheUsersOnAVirtualHostOfTheirOwn() throws IOException, InterruptedException {
        vhost = TestVhost.create("privileges");
        ProcessBuilder script = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        script.environment().putAll(Map.of("SCATTER_VHOST", vhost.name(), "SCATTER_API_USER", API_USER,
                "SCATTER_API_PASSWORD", API_PASSWORD, "SCATTER_WORKER_USER", WORKER_USER,
                "SCATTER_WORKER_PASSWORD", WORKER_PASSWORD));
        Process process = script.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(Files.exists(SCRIPT)).isTrue();
    }

    @AfterEach
    void deleteTheVirtualHost() {
        vhost.close();
    }

    @AfterAll
    static void deleteTheUsers() {
        TestVhost.rabbitmqctl("delete_user", API_USER);
        TestVhost.rabbitmqctl("delete_user", WORKER_USER);
    }

    @Test
    void aWorkerStartsOnceTheApiDeclaredTheTopologyAndTheyExchangeTasksResultsAndCancellations() throws Exception {
        assertThatThrownBy(() -> RabbitTaskTransport.connect(uri(WORKER_USER, WORKER_PASSWORD), "worker", OPTIONS))
                .isInstanceOf(TransportException.class).hasMessageContaining("start the API first");
        BlockingQueue<ResultDelivery> results = new LinkedBlockingQueue<>();
        BlockingQueue<UUID> cancellations = new LinkedBlockingQueue<>();
        TaskMessage task = new TaskMessage(UUID.randomUUID(), 0, 1, "prime-count", Map.of("from", 0, "to", 10));

        try (RabbitTaskTransport api = RabbitTaskTransport.connect(uri(API_USER, API_PASSWORD), "api", OPTIONS);
             RabbitTaskTransport worker = RabbitTaskTransport.connect(uri(WORKER_USER, WORKER_PASSWORD), "worker",
                     OPTIONS)) {
            worker.consumeTasks(1, delivery -> {
                try {
                    worker.publishResult(UUID.randomUUID().toString(), TaskResultMessage.succeeded(delivery.task(),
                            Map.of("count", 4), "pi-1", delivery.attempt(), Instant.now(), Instant.now()));
                    delivery.ack();
                } catch (TransportException e) {
                    delivery.requeue();
                }
            });
            worker.onCancel(cancellations::add);
            api.consumeResults(delivery -> {
                results.add(delivery);
                delivery.ack();
            });
            api.publishTasks(List.of(task));
            api.broadcastCancel(task.jobId());

            ResultDelivery result = results.poll(20, TimeUnit.SECONDS);
            assertThat(result).as("the worker's result").isNotNull();
            assertThat(result.result().jobId()).isEqualTo(task.jobId());
            assertThat(cancellations.poll(20, TimeUnit.SECONDS)).isEqualTo(task.jobId());
        }
    }

    @Test
    void aWorkersHeartbeatsReachTheApi() throws Exception {
        RabbitTaskTransport.connect(uri(API_USER, API_PASSWORD), "api", OPTIONS).close();
        BlockingQueue<WorkerHeartbeatMessage> heartbeats = new LinkedBlockingQueue<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        try (BrokerConnection api = BrokerConnection.open(uri(API_USER, API_PASSWORD), "api", null);
             HeartbeatConsumer consumer = HeartbeatConsumer.start(api, heartbeats::add);
             BrokerConnection worker = BrokerConnection.open(uri(WORKER_USER, WORKER_PASSWORD), "worker", null);
             HeartbeatPublisher publisher = new HeartbeatPublisher(worker, Duration.ofSeconds(10))) {
            publisher.publish(new WorkerHeartbeatMessage("pi-1", "host-1", 42, 2, 0, 0, List.of(), now, now,
                    WorkerHeartbeatMessage.State.RUNNING));

            WorkerHeartbeatMessage heartbeat = heartbeats.poll(20, TimeUnit.SECONDS);
            assertThat(heartbeat).as("the worker's heartbeat").isNotNull();
            assertThat(heartbeat.worker()).isEqualTo("pi-1");
        }
    }

    @Test
    void theWorkersUserCanNeitherPublishTasksNorConsumeResults() throws Exception {
        RabbitTaskTransport.connect(uri(API_USER, API_PASSWORD), "api", OPTIONS).close();

        try (Connection worker = BrokerConnection.factory(uri(WORKER_USER, WORKER_PASSWORD)).newConnection("worker")) {
            Channel publishing = worker.createChannel();
            publishing.confirmSelect();
            publishing.basicPublish(Channels.TASKS_EXCHANGE, Channels.TASKS_QUEUE, new AMQP.BasicProperties(),
                    "{}".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> publishing.waitForConfirmsOrDie(10_000))
                    .satisfies(e -> assertThat(Topology.accessRefused(e)).as(e.toString()).isTrue());

            Channel consuming = worker.createChannel();
            assertThatThrownBy(() -> consuming.basicGet(Channels.RESULTS_QUEUE, false))
                    .satisfies(e -> assertThat(Topology.accessRefused(e)).as(e.toString()).isTrue());
        }
    }

    private String uri(String user, String password) {
        return "amqp://" + user + ":" + password + "@127.0.0.1:5672/" + vhost.name();
    }
}
