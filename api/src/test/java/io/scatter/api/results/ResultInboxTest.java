package io.scatter.api.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import io.cloudevents.CloudEvent;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.BrokerProbe;
import io.scatter.api.testing.Poll;
import io.scatter.api.testing.TaskResultBuilder;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.messaging.MalformedMessageException;
import io.scatter.messaging.ScatterEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static io.scatter.api.testing.TaskResultBuilder.aResult;
import static org.assertj.core.api.Assertions.assertThat;

/** Results published to the real broker are applied through the inbox exactly once, whatever the delivery order. */
@ApiTest
class ResultInboxTest {

    /** The number of primes below one million. */
    private static final long PRIMES_BELOW_A_MILLION = 78_498;

    static final ApiEnvironment environment = ApiEnvironment.withBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
    }

    private final ApiClient api;
    private final JdbcClient jdbc;
    private final BrokerProbe broker = new BrokerProbe(environment.rabbitUri());
    private final JobTypes types = JobTypes.load();

    @Autowired
    ResultInboxTest(@LocalServerPort int port, JdbcClient jdbc) {
        this.api = new ApiClient(port);
        this.jdbc = jdbc;
    }

    @BeforeEach
    void declareTopology() {
        broker.declareTopology(); // the API declares it once connected, which may be after its context started
    }

    @AfterEach
    void close() {
        broker.close();
    }

    @Test
    void allResultsMakeTheJobSucceedWithTheExactCombinedCount() {
        String id = api.submit(aPrimeCountJob().from(0).to(1_000_000).tasks(8).json());

        computeAll(id, 8).forEach(this::publish);

        JsonNode job = awaitEnd(id);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("result").get("count").asLong()).isEqualTo(PRIMES_BELOW_A_MILLION);
        assertThat(job.get("progress").get("tasksDone").asInt()).isEqualTo(8);
        assertThat(job.get("progress").get("percent").asInt()).isEqualTo(100);
        assertThat(job.get("startedAt").isNull()).isFalse();
        assertThat(job.get("finishedAt").isNull()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM tasks WHERE job_id = ? AND status = 'SUCCEEDED' AND worker IS NOT NULL"
                + " AND duration_ms IS NOT NULL").param(UUID.fromString(id)).query(Long.class).single()).isEqualTo(8);
    }

    @Test
    void aJobIsRunningOnceItsFirstResultIsIn() {
        String id = api.submit(aPrimeCountJob().tasks(2).json());
        List<TaskResultBuilder> results = computeAll(id, 2);

        publish(results.get(0));

        JsonNode job = Poll.until("the job running", () -> api.job(id), j -> j.get("status").asText().equals("RUNNING"));
        assertThat(job.get("progress").get("tasksDone").asInt()).isEqualTo(1);
        assertThat(job.get("progress").get("percent").asInt()).isEqualTo(50);
        assertThat(job.get("result").isNull()).isTrue();
    }

    @Test
    void resultDeliveredTwiceIsCountedOnce() {
        String id = api.submit(aPrimeCountJob().from(0).to(1_000_000).tasks(4).json());
        List<TaskResultBuilder> results = computeAll(id, 4);

        publish(results.get(0));
        publish(results.get(0));
        results.subList(1, 4).forEach(this::publish);

        JsonNode job = awaitEnd(id);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("result").get("count").asLong()).isEqualTo(PRIMES_BELOW_A_MILLION);
        assertThat(jdbc.sql("SELECT count(*) FROM inbox WHERE message_id = ?")
                .param(results.get(0).event().getId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTaskComputedTwiceIsCountedOnce() {
        String id = api.submit(aPrimeCountJob().from(0).to(1_000_000).tasks(4).json());
        List<TaskResultBuilder> results = computeAll(id, 4);

        publish(results.get(2));
        publish(results.get(2).messageId(ScatterEvents.newId()).worker("another-worker").attempt(2));
        publish(results.get(0));
        publish(results.get(1));
        publish(results.get(3));

        JsonNode job = awaitEnd(id);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("result").get("count").asLong()).isEqualTo(PRIMES_BELOW_A_MILLION);
    }

    @Test
    void resultsArrivingOutOfOrderGiveTheSameAnswer() {
        String id = api.submit(aPrimeCountJob().from(0).to(1_000_000).tasks(10).json());
        List<TaskResultBuilder> results = new ArrayList<>(computeAll(id, 10));
        Collections.shuffle(results, new Random(7));

        results.forEach(this::publish);

        JsonNode job = awaitEnd(id);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("result").get("count").asLong()).isEqualTo(PRIMES_BELOW_A_MILLION);
    }

    @Test
    void aFailedTaskFailsTheJobWithItsReason() {
        String id = api.submit(aPrimeCountJob().tasks(3).json());
        List<TaskResultBuilder> results = computeAll(id, 3);

        publish(results.get(0));
        publish(aResult().job(id).task(1).worker("w-7").failed("out of memory"));
        publish(results.get(2));

        JsonNode job = awaitEnd(id);
        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("error").asText()).isEqualTo("task 1 failed on worker w-7: out of memory");
        assertThat(job.get("result").isNull()).isTrue();
        Poll.until("the last result taken in", () -> broker.messageCount(Channels.RESULTS_QUEUE), n -> n == 0);
        Poll.until("the last result handled", () -> taskStatuses(id).get(2), "CANCELLED"::equals);
        assertThat(taskStatuses(id)).containsEntry(0, "SUCCEEDED").containsEntry(1, "FAILED");
        assertThat(api.job(id).get("status").asText()).isEqualTo("FAILED");
    }

    @Test
    void aResultArrivingAfterTheJobWasCancelledIsIgnored() {
        String id = api.submit(aPrimeCountJob().tasks(2).json());
        List<TaskResultBuilder> results = computeAll(id, 2);
        api.delete("/api/v1/jobs/" + id);

        results.forEach(this::publish);

        Poll.until("the late results taken in", () -> jdbc.sql("SELECT count(*) FROM inbox WHERE message_id IN (?, ?)")
                .params(results.get(0).event().getId(), results.get(1).event().getId()).query(Long.class).single(),
                n -> n == 2);
        JsonNode job = api.job(id);
        assertThat(job.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(job.get("progress").get("tasksDone").asInt()).isZero();
        assertThat(taskStatuses(id).values()).containsOnly("CANCELLED");
    }

    @Test
    void aMalformedMessageIsDeadLetteredAndConsumingGoesOn() {
        broker.publishRaw(Channels.RESULTS_EXCHANGE, Channels.RESULTS_QUEUE,
                new AMQP.BasicProperties.Builder().messageId("garbage-1").contentType("text/plain").build(),
                "count: many".getBytes(StandardCharsets.UTF_8));
        String id = api.submit(aPrimeCountJob().tasks(2).json());

        computeAll(id, 2).forEach(this::publish);

        GetResponse dead = Poll.until("the malformed message dead-lettered",
                () -> broker.take(Channels.RESULTS_DEAD_LETTER_QUEUE), response -> response != null);
        assertThat(dead.getProps().getMessageId()).isEqualTo("garbage-1");
        assertThat(awaitEnd(id).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aResultForAnUnknownJobIsDropped() {
        TaskResultBuilder stray = aResult().job(UUID.randomUUID().toString()).task(0);

        publish(stray);

        Poll.until("the stray result taken in", () -> jdbc.sql("SELECT count(*) FROM inbox WHERE message_id = ?")
                .param(stray.event().getId()).query(Long.class).single(), n -> n == 1);
        Poll.until("the results queue drained", () -> broker.messageCount(Channels.RESULTS_QUEUE), n -> n == 0);
        assertThat(broker.messageCount(Channels.RESULTS_DEAD_LETTER_QUEUE)).isZero();
    }

    /** Plays a worker: takes the job's task messages off the queue and computes each with the real job type. */
    private List<TaskResultBuilder> computeAll(String jobId, int tasks) {
        List<CloudEvent> events = broker.awaitEvents(Channels.TASKS_QUEUE, tasks, e -> jobId.equals(e.getSubject()));
        List<TaskResultBuilder> results = new ArrayList<>();
        for (CloudEvent event : events) {
            TaskMessage task = data(event);
            Map<String, Object> result = types.get(task.jobType()).compute(task.payload());
            results.add(aResult().job(jobId).task(task.taskIndex()).jobType(task.jobType()).result(result));
        }
        results.sort(Comparator.comparingInt(result -> result.message().taskIndex()));
        return results;
    }

    private void publish(TaskResultBuilder result) {
        broker.publish(TaskResultMessage.EXCHANGE, TaskResultMessage.ROUTING_KEY, result.event());
    }

    private JsonNode awaitEnd(String id) {
        return Poll.until("job " + id + " to end", () -> api.job(id),
                job -> List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.get("status").asText()));
    }

    private Map<Integer, String> taskStatuses(String jobId) {
        Map<Integer, String> statuses = new java.util.TreeMap<>();
        jdbc.sql("SELECT task_index, status FROM tasks WHERE job_id = ?").param(UUID.fromString(jobId))
                .query((rs, n) -> statuses.put(rs.getInt(1), rs.getString(2))).list();
        return statuses;
    }

    private static TaskMessage data(CloudEvent event) {
        try {
            return ScatterEvents.data(event, TaskMessage.class);
        } catch (MalformedMessageException e) {
            throw new AssertionError(e);
        }
    }
}
