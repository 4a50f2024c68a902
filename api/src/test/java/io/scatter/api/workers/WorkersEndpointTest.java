package io.scatter.api.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import io.scatter.api.testing.AdjustableClock;
import io.scatter.api.testing.AdjustableClockConfiguration;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiClient.Response;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.Poll;
import io.scatter.contracts.WorkerHeartbeatMessage;
import io.scatter.contracts.WorkerHeartbeatMessage.InFlightTask;
import io.scatter.contracts.WorkerHeartbeatMessage.State;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.Topology;
import io.scatter.messaging.PublishFailedException;
import io.scatter.messaging.heartbeat.HeartbeatPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/v1/workers fed by heartbeats published on the test's virtual host, with time driven by an adjustable
 * application clock instead of sleeping.
 */
@ApiTest
@Import(AdjustableClockConfiguration.class)
class WorkersEndpointTest {

    static final ApiEnvironment environment = ApiEnvironment.withBroker();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static BrokerConnection connection;
    private static HeartbeatPublisher publisher;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
    }

    private final ApiClient api;
    private final AdjustableClock clock;

    @Autowired
    WorkersEndpointTest(@LocalServerPort int port, AdjustableClock clock) {
        this.api = new ApiClient(port);
        this.clock = clock;
    }

    @BeforeAll
    static void connect() throws Exception {
        connection = BrokerConnection.open(environment.rabbitUri(), "workers-endpoint-test", null);
        try (Channel channel = connection.openChannel()) {
            Topology.declare(channel);
        }
        publisher = new HeartbeatPublisher(connection, WAIT);
    }

    @AfterAll
    static void disconnect() {
        if (publisher != null) {
            publisher.close();
        }
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void aHeartbeatPublishedOnTheBrokerListsTheWorkerWithEveryField() {
        UUID job = UUID.randomUUID();
        Instant taken = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        WorkerHeartbeatMessage heartbeat = heartbeat("fields-1", State.RUNNING,
                List.of(new InFlightTask(job, 3, taken)));
        Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        JsonNode worker = beat(heartbeat);

        assertThat(worker.get("name").asText()).isEqualTo("fields-1");
        assertThat(worker.get("host").asText()).isEqualTo("host-fields-1");
        assertThat(worker.get("pid").asLong()).isEqualTo(4242);
        assertThat(worker.get("status").asText()).isEqualTo("ALIVE");
        assertThat(worker.get("concurrency").asInt()).isEqualTo(4);
        assertThat(worker.get("tasksDone").asLong()).isEqualTo(120);
        assertThat(worker.get("tasksFailed").asLong()).isEqualTo(2);
        assertThat(worker.get("currentTasks")).hasSize(1);
        JsonNode task = worker.get("currentTasks").get(0);
        assertThat(task.get("jobId").asText()).isEqualTo(job.toString());
        assertThat(task.get("taskIndex").asInt()).isEqualTo(3);
        assertThat(Instant.parse(task.get("startedAt").asText())).isEqualTo(taken);
        assertThat(Instant.parse(worker.get("startedAt").asText())).isEqualTo(heartbeat.startedAt());
        assertThat(Instant.parse(worker.get("lastSeenAt").asText())).isBetween(before, clock.instant());
    }

    @Test
    void aWorkerSilentForLongerThanLostAfterIsLostAndForgottenAfterForgetAfter() {
        beat(heartbeat("silent-1", State.RUNNING, List.of()));

        clock.advance(Duration.ofSeconds(14));
        assertThat(status("silent-1")).contains("ALIVE");
        clock.advance(Duration.ofSeconds(2));
        assertThat(status("silent-1")).contains("LOST");

        clock.advance(Duration.ofMinutes(10));
        assertThat(status("silent-1")).isEmpty();
    }

    @Test
    void aWorkerThatSaysItIsStoppingIsListedAsStopping() {
        JsonNode worker = beat(heartbeat("stopping-1", State.STOPPING, List.of()));

        assertThat(worker.get("status").asText()).isEqualTo("STOPPING");
    }

    @Test
    void workersAreListedSortedByName() {
        beat(heartbeat("sorted-b", State.RUNNING, List.of()));
        beat(heartbeat("sorted-a", State.RUNNING, List.of()));

        List<String> names = names(workers());
        assertThat(names).isSorted();
        assertThat(names.stream().filter(name -> name.startsWith("sorted-")).toList())
                .containsExactly("sorted-a", "sorted-b");
    }

    @Test
    void theOpenApiDocumentDescribesTheWorkersEndpoint() {
        JsonNode workers = api.get("/v3/api-docs").json().path("paths").path("/api/v1/workers");

        assertThat(workers.path("get").path("summary").asText()).isEqualTo("List the workers, by name");
        assertThat(workers.path("get").path("responses").has("200")).isTrue();
    }

    /**
     * Publishes {@code heartbeat} once this API listens (a heartbeat published earlier is dropped by the fan-out
     * exchange, as nobody listens yet) and returns the worker as listed once it arrived.
     */
    private JsonNode beat(WorkerHeartbeatMessage heartbeat) {
        awaitListening();
        publish(heartbeat);
        return Poll.until("worker " + heartbeat.worker() + " listed as of its heartbeat sent at "
                        + heartbeat.sentAt(),
                () -> worker(heartbeat.worker()).orElse(null),
                worker -> worker != null && worker.get("tasksDone").asLong() == heartbeat.tasksDone()
                        && worker.get("status").asText().equals(
                        heartbeat.state() == State.STOPPING ? "STOPPING" : "ALIVE"));
    }

    /** Beats for a probe worker until this API lists it, so its heartbeat queue is bound. */
    private void awaitListening() {
        WorkerHeartbeatMessage probe = heartbeat("listening-probe", State.RUNNING, List.of());
        Poll.until("the API to listen for heartbeats", () -> {
            if (worker(probe.worker()).isEmpty()) {
                publish(probe);
            }
            return worker(probe.worker()).isPresent();
        }, listening -> listening);
    }

    private static void publish(WorkerHeartbeatMessage heartbeat) {
        try {
            publisher.publish(heartbeat);
        } catch (PublishFailedException e) {
            throw new AssertionError("heartbeat of " + heartbeat.worker() + " not published", e);
        }
    }

    private Optional<String> status(String name) {
        return worker(name).map(worker -> worker.get("status").asText());
    }

    private Optional<JsonNode> worker(String name) {
        return StreamSupport.stream(workers().spliterator(), false)
                .filter(worker -> worker.get("name").asText().equals(name))
                .findFirst();
    }

    private JsonNode workers() {
        Response response = api.get("/api/v1/workers");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json().get("items");
    }

    private static List<String> names(JsonNode workers) {
        List<String> names = new ArrayList<>();
        workers.forEach(worker -> names.add(worker.get("name").asText()));
        return names;
    }

    private static WorkerHeartbeatMessage heartbeat(String name, State state, List<InFlightTask> inFlight) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new WorkerHeartbeatMessage(name, "host-" + name, 4242, 4, 120, 2, inFlight, now.minusSeconds(600),
                now, state);
    }
}
