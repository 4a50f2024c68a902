package io.scatter.api.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.BrokerProbe;
import io.scatter.api.testing.EventStreamClient;
import io.scatter.api.testing.EventStreamClient.Event;
import io.scatter.api.testing.Poll;
import io.scatter.api.testing.TestWorker;
import io.scatter.contracts.TaskResultMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static io.scatter.api.testing.TaskResultBuilder.aResult;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/jobs/{id}/events and /api/v1/jobs/events: jobs followed live over Server-Sent Events. */
@ApiTest
class JobEventsTest {

    static final ApiEnvironment environment = ApiEnvironment.withBroker();
    private static final int MAX_STREAMS = 3;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
        registry.add("scatter.events.max-streams", () -> MAX_STREAMS);
        // a client that hung up is found on the next write: a short keep-alive finds it soon
        registry.add("scatter.events.keep-alive", () -> "200ms");
    }

    private final int port;
    private final ApiClient api;
    private final JobEventPoller poller;

    @Autowired
    JobEventsTest(@LocalServerPort int port, JobEventPoller poller) {
        this.port = port;
        this.api = new ApiClient(port);
        this.poller = poller;
    }

    @Test
    void aJobsStreamShowsItsProgressAndEveryTaskOnceAndEndsAfterItSucceeded() {
        String id = api.submit(aPrimeCountJob().from(0).to(200_000).tasks(4).json());
        List<Event> events;
        try (EventStreamClient stream = follow("/api/v1/jobs/" + id + "/events")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            stream.awaitEvent("the job's first event", event -> event.name().equals("job"));
            try (TestWorker worker = TestWorker.start(environment)) {
                events = stream.awaitEnd();
            }
        }

        assertThat(events.get(0).name()).isEqualTo("job");
        assertThat(events.get(0).json().get("id").asText()).isEqualTo(id);
        List<JsonNode> jobs = events.stream().filter(event -> event.name().equals("job")).map(Event::json).toList();
        assertThat(jobs).extracting(job -> job.get("progress").get("percent").asInt()).isSorted();
        JsonNode last = jobs.get(jobs.size() - 1);
        assertThat(last.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(last.get("progress").get("percent").asInt()).isEqualTo(100);
        assertThat(last).isEqualTo(api.job(id));
        List<Integer> indexes = new ArrayList<>();
        for (Event event : events) {
            if (event.name().equals("tasks")) {
                for (JsonNode task : event.json().get("tasks")) {
                    indexes.add(task.get("index").asInt());
                    assertThat(task.get("status").asText()).isEqualTo("SUCCEEDED");
                    assertThat(task.get("worker").asText()).isEqualTo("api-test-worker");
                }
            }
        }
        assertThat(indexes).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(events.get(events.size() - 1).name()).isEqualTo("tasks");
    }

    @Test
    void resultsArrivingOutOfOrderAreSentAsTheyCountEachTaskOnce() {
        String id = api.submit(aPrimeCountJob().from(0).to(100).tasks(4).json());
        try (EventStreamClient stream = follow("/api/v1/jobs/" + id + "/events");
             BrokerProbe broker = new BrokerProbe(environment.rabbitUri())) {
            broker.declareTopology();
            stream.awaitEvent("the job's first event", event -> event.name().equals("job"));

            deliver(broker, id, 2);
            Event first = stream.awaitEvent("the first task", event -> event.name().equals("tasks"));
            assertThat(first.json().get("tasks")).extracting(task -> task.get("index").asInt()).containsExactly(2);
            deliver(broker, id, 0);
            deliver(broker, id, 1);
            Poll.until("tasks 0 and 1", () -> sentTasks(stream.events()), sent -> sent.size() == 3);
            deliver(broker, id, 3);
            List<Event> events = stream.awaitEnd();

            assertThat(sentTasks(events)).containsExactlyInAnyOrder(0, 1, 2, 3);
            assertThat(events).filteredOn(event -> event.name().equals("job"))
                    .extracting(event -> event.json().get("progress").get("tasksDone").asInt())
                    .startsWith(0, 1).endsWith(4).isSorted();
        }
    }

    @Test
    void aCancelledJobsStreamEndsWithTheJobAndItsTasksCancelled() {
        String id = api.submit(aPrimeCountJob().from(0).to(1_000).tasks(3).json());
        try (EventStreamClient stream = follow("/api/v1/jobs/" + id + "/events")) {
            Event first = stream.awaitEvent("the job's first event", event -> event.name().equals("job"));
            assertThat(first.json().get("status").asText()).isEqualTo("QUEUED");

            api.delete("/api/v1/jobs/" + id);
            List<Event> events = stream.awaitEnd();

            Event lastJob = events.stream().filter(event -> event.name().equals("job")).reduce((a, b) -> b)
                    .orElseThrow();
            assertThat(lastJob.json().get("status").asText()).isEqualTo("CANCELLED");
            Event tasks = events.get(events.size() - 1);
            assertThat(tasks.name()).isEqualTo("tasks");
            assertThat(tasks.json().get("tasks")).extracting(task -> task.get("status").asText())
                    .containsOnly("CANCELLED").hasSize(3);
        }
    }

    @Test
    void moreThanAThousandTasksChangingAtOnceAreSentInEventsOfAThousandAtMost() {
        String id = api.submit(aPrimeCountJob().from(0).to(100_000).tasks(1_500).json());
        try (EventStreamClient stream = follow("/api/v1/jobs/" + id + "/events")) {
            stream.awaitEvent("the job's first event", event -> event.name().equals("job"));

            api.delete("/api/v1/jobs/" + id);
            List<Event> events = stream.awaitEnd();

            assertThat(events).filteredOn(event -> event.name().equals("tasks"))
                    .extracting(event -> event.json().get("tasks").size()).containsExactly(1_000, 500);
            assertThat(sentTasks(events)).doesNotHaveDuplicates().hasSize(1_500);
        }
    }

    @Test
    void anUnknownJobOrAnIdThatIsNotAUuidIs404ProblemJsonInsteadOfAStream() {
        for (String id : new String[]{UUID.randomUUID().toString(), "not-a-uuid"}) {
            try (EventStreamClient stream = follow("/api/v1/jobs/" + id + "/events")) {
                assertThat(stream.status()).as(id).isEqualTo(404);
                assertThat(stream.header("Content-Type")).startsWith("application/problem+json");
                assertThat(stream.problem().get("status").asInt()).isEqualTo(404);
            }
        }
    }

    @Test
    void theListStreamSendsTheFirstPageThenANewlySubmittedJob() {
        String earlier = api.submit(aPrimeCountJob().json());
        try (EventStreamClient stream = follow("/api/v1/jobs/events")) {
            stream.awaitEvent("the earlier job", event -> isJob(event, earlier));

            String submitted = api.submit(aPrimeCountJob().json());

            Event event = stream.awaitEvent("the new job", candidate -> isJob(candidate, submitted));
            assertThat(event.json().get("status").asText()).isEqualTo("QUEUED");
        }
    }

    @Test
    void theListStreamSendsAJobAgainWhenItChanges() {
        String id = api.submit(aPrimeCountJob().json());
        try (EventStreamClient stream = follow("/api/v1/jobs/events?status=QUEUED&limit=5")) {
            stream.awaitEvent("the queued job", event -> isJob(event, id));

            api.delete("/api/v1/jobs/" + id);

            stream.awaitEvent("the job cancelled", event -> isJob(event, id)
                    && event.json().get("status").asText().equals("CANCELLED"));
        }
    }

    @Test
    void aBadStatusOrLimitOfTheListStreamIs400NamingIt() {
        try (EventStreamClient status = follow("/api/v1/jobs/events?status=DONE");
             EventStreamClient limit = follow("/api/v1/jobs/events?limit=101")) {
            assertThat(status.status()).isEqualTo(400);
            assertThat(status.problem().get("field").asText()).isEqualTo("status");
            assertThat(limit.status()).isEqualTo(400);
            assertThat(limit.problem().get("field").asText()).isEqualTo("limit");
        }
    }

    @Test
    void aStreamOverTheMaximumIs503ProblemJsonWithRetryAfter() {
        awaitNoStreams();
        List<EventStreamClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_STREAMS; i++) {
                open.add(follow("/api/v1/jobs/events"));
                assertThat(open.get(i).status()).isEqualTo(200);
            }
            try (EventStreamClient refused = follow("/api/v1/jobs/events")) {
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                assertThat(refused.header("Retry-After")).isNotEmpty();
                assertThat(refused.problem().get("limit").asText()).isEqualTo("max-streams");
            }
        } finally {
            open.forEach(EventStreamClient::close);
        }
    }

    @Test
    void aStreamWhoseClientHungUpIsForgotten() {
        awaitNoStreams();
        EventStreamClient stream = follow("/api/v1/jobs/events");
        assertThat(stream.status()).isEqualTo(200);
        assertThat(poller.open()).isEqualTo(1);

        stream.close();

        awaitNoStreams();
    }

    private static void deliver(BrokerProbe broker, String jobId, int index) {
        broker.publish(TaskResultMessage.EXCHANGE, TaskResultMessage.ROUTING_KEY,
                aResult().job(jobId).task(index).result(Map.of("count", 1)).event());
    }

    private static List<Integer> sentTasks(List<Event> events) {
        List<Integer> indexes = new ArrayList<>();
        for (Event event : events) {
            if (event.name().equals("tasks")) {
                event.json().get("tasks").forEach(task -> indexes.add(task.get("index").asInt()));
            }
        }
        return indexes;
    }

    private void awaitNoStreams() {
        Poll.until("no open event stream", poller::open, open -> open == 0);
    }

    private EventStreamClient follow(String path) {
        return EventStreamClient.open(port, path, Map.of());
    }

    private static boolean isJob(Event event, String id) {
        return event.name().equals("job") && event.json().get("id").asText().equals(id);
    }
}
