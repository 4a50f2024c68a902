package io.scatter.api.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiClient.Response;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.contracts.JobCancelledMessage;
import io.scatter.contracts.TaskMessage;
import io.scatter.messaging.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static org.assertj.core.api.Assertions.assertThat;

/** Submitting, reading and cancelling jobs, with RabbitMQ down: everything stays in the outbox. */
@ApiTest
class JobSubmissionTest {

    static final ApiEnvironment environment = ApiEnvironment.withoutBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
    }

    private final ApiClient api;
    private final JdbcClient jdbc;

    @Autowired
    JobSubmissionTest(@LocalServerPort int port, JdbcClient jdbc) {
        this.api = new ApiClient(port);
        this.jdbc = jdbc;
    }

    @Test
    void aSubmittedJobIsAcceptedWithItsLocationAndDocumentWhileTheBrokerIsDown() {
        Response response = api.post("/api/v1/jobs", aPrimeCountJob().from(0).to(1_000_000).tasks(10).json());

        assertThat(response.status()).isEqualTo(202);
        JsonNode job = response.json();
        String id = job.get("id").asText();
        assertThat(response.header("Location")).hasValue("/api/v1/jobs/" + id);
        assertThat(response.header("Retry-After")).hasValue("1");
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(job.get("type").asText()).isEqualTo("prime-count");
        assertThat(job.get("status").asText()).isEqualTo("QUEUED");
        assertThat(job.get("input").get("from").asLong()).isZero();
        assertThat(job.get("input").get("to").asLong()).isEqualTo(1_000_000);
        assertThat(job.get("options").get("algorithm").asText()).isEqualTo("sieve");
        assertThat(job.get("options").get("tasks").asInt()).isEqualTo(10);
        assertThat(job.get("progress").get("tasksTotal").asInt()).isEqualTo(10);
        assertThat(job.get("progress").get("tasksDone").asInt()).isZero();
        assertThat(job.get("progress").get("percent").asInt()).isZero();
        assertThat(job.get("result").isNull()).isTrue();
        assertThat(job.get("error").isNull()).isTrue();
        assertThat(job.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(job.get("startedAt").isNull()).isTrue();
        assertThat(job.get("finishedAt").isNull()).isTrue();
    }

    @Test
    void withoutAnOtlpEndpointAJobHasNoTraceIdAndItsOutboxRowsNoTraceContext() {
        String id = api.submit(aPrimeCountJob().tasks(2).json());

        assertThat(api.job(id).get("traceId").isNull()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE subject = ? AND traceparent IS NULL").param(id)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void healthStaysUpWhileTheBrokerIsDown() {
        JsonNode health = api.get("/actuator/health").json();

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("broker").path("status").asText()).isEqualTo("UNKNOWN");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void readinessIsDownWhileTheBrokerIsDownButLivenessStaysUp() {
        Response readiness = api.get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().path("components").path("broker").path("status").asText()).isEqualTo("UNKNOWN");
        assertThat(readiness.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void aSubmittedJobCanBeReadBack() {
        Response submitted = api.post("/api/v1/jobs", aPrimeCountJob().json());

        Response read = api.get(submitted.header("Location").orElseThrow());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(submitted.json());
    }

    @Test
    void optionsLeftOutGetTheJobTypesDefaults() {
        JsonNode job = api.job(api.submit(aPrimeCountJob().withoutOptions().json()));

        assertThat(job.get("options").get("algorithm").isTextual()).isTrue();
        assertThat(job.get("options").get("tasks").asInt()).isPositive();
        assertThat(job.get("progress").get("tasksTotal").asInt()).isEqualTo(job.get("options").get("tasks").asInt());
    }

    @Test
    void eachTaskIsStoredWithOneOutboxMessageCarryingItsTaskMessage() throws Exception {
        String id = api.submit(aPrimeCountJob().from(0).to(100_000).tasks(5).json());

        assertThat(jdbc.sql("SELECT count(*) FROM tasks WHERE job_id = ? AND status = 'QUEUED'")
                .param(UUID.fromString(id)).query(Long.class).single()).isEqualTo(5);
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT type, exchange, routing_key, payload::text AS payload, sent_at FROM outbox
                        WHERE subject = ? ORDER BY seq""").param(id).query().listOfRows();
        assertThat(rows).hasSize(5);
        List<Integer> indexes = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            assertThat(row.get("type")).isEqualTo(TaskMessage.TYPE);
            assertThat(row.get("exchange")).isEqualTo(TaskMessage.EXCHANGE);
            assertThat(row.get("routing_key")).isEqualTo(TaskMessage.ROUTING_KEY);
            assertThat(row.get("sent_at")).isNull();
            TaskMessage task = Json.mapper().readValue((String) row.get("payload"), TaskMessage.class);
            assertThat(task.jobId()).hasToString(id);
            assertThat(task.taskCount()).isEqualTo(5);
            assertThat(task.jobType()).isEqualTo("prime-count");
            assertThat(task.payload()).containsKeys("from", "to");
            indexes.add(task.taskIndex());
        }
        assertThat(indexes).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void eachTaskIsStoredAtItsIndexWithThePayloadItsMessageCarries() throws Exception {
        String id = api.submit(aPrimeCountJob().from(0).to(100_000).tasks(7).json());

        List<Map<String, Object>> tasks = jdbc.sql("""
                        SELECT task_index, payload::text AS payload FROM tasks WHERE job_id = ? ORDER BY task_index""")
                .param(UUID.fromString(id)).query().listOfRows();
        List<String> messages = jdbc.sql("SELECT payload::text FROM outbox WHERE subject = ? ORDER BY seq")
                .param(id).query(String.class).list();
        assertThat(tasks).hasSize(7);
        for (int index = 0; index < tasks.size(); index++) {
            TaskMessage message = Json.mapper().readValue(messages.get(index), TaskMessage.class);
            assertThat(tasks.get(index).get("task_index")).isEqualTo(index);
            assertThat(message.taskIndex()).isEqualTo(index);
            assertThat(Json.mapper().readValue((String) tasks.get(index).get("payload"), Map.class))
                    .isEqualTo(message.payload());
        }
    }

    @Test
    void theLargestJobIsStoredWithAllItsTasksInOneRequest() {
        String id = api.submit(aPrimeCountJob().from(0).to(1_000_000).tasks(10_000).json());

        assertThat(api.job(id).get("progress").get("tasksTotal").asInt()).isEqualTo(10_000);
        assertThat(jdbc.sql("SELECT count(*) FROM tasks WHERE job_id = ?").param(UUID.fromString(id))
                .query(Long.class).single()).isEqualTo(10_000);
        assertThat(outboxRows(id)).isEqualTo(10_000);
    }

    @Test
    void repeatingASubmissionWithTheSameIdempotencyKeyReturnsTheSameJob() {
        String key = "order-" + UUID.randomUUID();
        String body = aPrimeCountJob().tasks(3).json();

        Response first = api.post("/api/v1/jobs", body, Map.of("Idempotency-Key", key));
        Response again = api.post("/api/v1/jobs", body, Map.of("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(first.header("Idempotent-Replayed")).hasValue("false");
        assertThat(again.header("Idempotent-Replayed")).hasValue("true");
        assertThat(jobsWithKey(key)).isEqualTo(1);
        assertThat(outboxRows(first.json().get("id").asText())).isEqualTo(3);
    }

    @Test
    void concurrentSubmissionsWithTheSameIdempotencyKeyMakeOneJob() throws Exception {
        String key = "race-" + UUID.randomUUID();
        String body = aPrimeCountJob().tasks(2).json();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Response>> submissions = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                submissions.add(() -> api.post("/api/v1/jobs", body, Map.of("Idempotency-Key", key)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Response> answer : threads.invokeAll(submissions)) {
                assertThat(answer.get().status()).isEqualTo(202);
                ids.add(answer.get().json().get("id").asText());
            }
            assertThat(ids).containsOnly(ids.get(0));
            assertThat(jobsWithKey(key)).isEqualTo(1);
            assertThat(outboxRows(ids.get(0))).isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void reusingAnIdempotencyKeyForADifferentRequestIsRejected() {
        String key = "reuse-" + UUID.randomUUID();
        api.post("/api/v1/jobs", aPrimeCountJob().to(1000).json(), Map.of("Idempotency-Key", key));

        Response reused = api.post("/api/v1/jobs", aPrimeCountJob().to(2000).json(), Map.of("Idempotency-Key", key));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.json().get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(jobsWithKey(key)).isEqualTo(1);
    }

    @Test
    void cancellingAQueuedJobWithdrawsItsUnsentTasksAndTellsTheWorkers() throws Exception {
        String id = api.submit(aPrimeCountJob().tasks(4).json());

        Response cancelled = api.delete("/api/v1/jobs/" + id);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("finishedAt").isNull()).isFalse();
        assertThat(api.job(id).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("SELECT DISTINCT status FROM tasks WHERE job_id = ?").param(UUID.fromString(id))
                .query(String.class).list()).containsExactly("CANCELLED");
        List<Map<String, Object>> outbox = jdbc.sql(
                "SELECT type, exchange, routing_key, payload::text AS payload FROM outbox WHERE subject = ?")
                .param(id).query().listOfRows();
        assertThat(outbox).hasSize(1);
        assertThat(outbox.get(0).get("type")).isEqualTo(JobCancelledMessage.TYPE);
        assertThat(outbox.get(0).get("exchange")).isEqualTo(JobCancelledMessage.EXCHANGE);
        assertThat(outbox.get(0).get("routing_key")).isEqualTo(JobCancelledMessage.ROUTING_KEY);
        assertThat(Json.mapper().readValue((String) outbox.get(0).get("payload"), JobCancelledMessage.class).jobId())
                .hasToString(id);
    }

    @Test
    void cancellingAJobThatAlreadyEndedIsAConflict() {
        String id = api.submit(aPrimeCountJob().json());
        api.delete("/api/v1/jobs/" + id);

        Response again = api.delete("/api/v1/jobs/" + id);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asText()).contains("CANCELLED");
        assertThat(outboxRows(id)).isEqualTo(1);
    }

    @Test
    void cancellingAnUnknownJobIsNotFound() {
        Response response = api.delete("/api/v1/jobs/" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private long jobsWithKey(String key) {
        return jdbc.sql("SELECT count(*) FROM jobs WHERE idempotency_key = ?").param(key).query(Long.class).single();
    }

    private long outboxRows(String jobId) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE subject = ?").param(jobId).query(Long.class).single();
    }
}
