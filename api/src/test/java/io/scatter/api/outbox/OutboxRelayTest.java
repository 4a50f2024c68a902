package io.scatter.api.outbox;

import io.cloudevents.CloudEvent;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.BrokerProbe;
import io.scatter.api.testing.Poll;
import io.scatter.contracts.Channels;
import io.scatter.contracts.JobCancelledMessage;
import io.scatter.contracts.TaskMessage;
import io.scatter.messaging.ScatterEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static org.assertj.core.api.Assertions.assertThat;

/** The relay publishes outbox rows to the real broker as CloudEvents and marks them sent only once confirmed. */
@ApiTest
class OutboxRelayTest {

    static final ApiEnvironment environment = ApiEnvironment.withBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
    }

    private final ApiClient api;
    private final JdbcClient jdbc;
    private final BrokerProbe broker = new BrokerProbe(environment.rabbitUri());

    @Autowired
    OutboxRelayTest(@LocalServerPort int port, JdbcClient jdbc) {
        this.api = new ApiClient(port);
        this.jdbc = jdbc;
    }

    @AfterEach
    void restoreTopologyAndClose() {
        broker.declareTopology();
        broker.close();
    }

    @Test
    void theTasksOfASubmittedJobReachTheTasksQueueAsCloudEvents() throws Exception {
        String id = api.submit(aPrimeCountJob().from(0).to(30_000).tasks(3).json());

        List<CloudEvent> events = broker.awaitEvents(Channels.TASKS_QUEUE, 3, event -> id.equals(event.getSubject()));

        List<String> outboxIds = jdbc.sql("SELECT id::text FROM outbox WHERE subject = ?").param(id)
                .query(String.class).list();
        assertThat(events).extracting(CloudEvent::getId).containsExactlyInAnyOrderElementsOf(outboxIds);
        for (CloudEvent event : events) {
            assertThat(event.getType()).isEqualTo(TaskMessage.TYPE);
            assertThat(event.getSource()).isEqualTo(URI.create(Channels.API_SOURCE));
            assertThat(event.getDataContentType()).isEqualTo(ScatterEvents.JSON);
            assertThat(event.getTime()).isNotNull();
            TaskMessage task = ScatterEvents.data(event, TaskMessage.class);
            assertThat(task.jobId()).hasToString(id);
            assertThat(task.taskCount()).isEqualTo(3);
            assertThat(task.jobType()).isEqualTo("prime-count");
            assertThat(task.payload()).containsKeys("from", "to");
        }
        assertThat(events).extracting(event -> ScatterEvents.data(event, TaskMessage.class).taskIndex())
                .containsExactlyInAnyOrder(0, 1, 2);
        Poll.until("the rows marked sent", () -> unsent(id), count -> count == 0);
    }

    @Test
    void rowsStayUnsentWhilePublishingFailsAndAreSentOnceItWorksAgain() {
        String first = api.submit(aPrimeCountJob().json());
        Poll.until("the API to be connected and relaying", () -> unsent(first), count -> count == 0);
        broker.deleteExchange(Channels.TASKS_EXCHANGE);

        String id = api.submit(aPrimeCountJob().tasks(2).json());

        Poll.holds("the rows to stay unsent", Duration.ofSeconds(2), () -> unsent(id) == 2);
        broker.declareTopology();
        Poll.until("the rows marked sent", () -> unsent(id), count -> count == 0);
        assertThat(broker.awaitEvents(Channels.TASKS_QUEUE, 2, event -> id.equals(event.getSubject()))).hasSize(2);
    }

    @Test
    void aCancellationIsBroadcastOnTheControlExchange() throws Exception {
        String listener = broker.bindNewQueue(Channels.CONTROL_EXCHANGE, "");
        String id = api.submit(aPrimeCountJob().json());

        api.delete("/api/v1/jobs/" + id);

        CloudEvent cancelled = broker.awaitEvents(listener, 1, event -> id.equals(event.getSubject())).get(0);
        assertThat(cancelled.getType()).isEqualTo(JobCancelledMessage.TYPE);
        assertThat(ScatterEvents.data(cancelled, JobCancelledMessage.class).jobId()).isEqualTo(UUID.fromString(id));
    }

    @Test
    void aCancellationNoWorkerListensToIsStillMarkedSent() {
        String id = api.submit(aPrimeCountJob().json());
        Poll.until("the tasks sent", () -> unsent(id), count -> count == 0);

        api.delete("/api/v1/jobs/" + id);

        Poll.until("the cancellation marked sent", () -> unsent(id), count -> count == 0);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE subject = ? AND type = ?")
                .params(id, JobCancelledMessage.TYPE).query(Long.class).single()).isEqualTo(1);
    }

    private long unsent(String jobId) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE subject = ? AND sent_at IS NULL").param(jobId)
                .query(Long.class).single();
    }
}
