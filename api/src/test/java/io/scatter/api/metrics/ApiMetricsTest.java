package io.scatter.api.metrics;

import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.Poll;
import io.scatter.api.testing.TestWorker;
import io.scatter.messaging.testing.PrometheusScrape;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static org.assertj.core.api.Assertions.assertThat;

/** /actuator/prometheus shows the jobs, tasks, queues, outbox, inbox and dead letters move as a job runs. */
@ApiTest
class ApiMetricsTest {

    static final ApiEnvironment environment = ApiEnvironment.withBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
        registry.add("scatter.metrics.refresh-interval", () -> "100ms");
    }

    private final ApiClient api;
    private final JdbcClient jdbc;

    @Autowired
    ApiMetricsTest(@LocalServerPort int port, JdbcClient jdbc) {
        this.api = new ApiClient(port);
        this.jdbc = jdbc;
    }

    @Test
    void aPrimeCountJobRunByAWorkerMovesTheJobTaskQueueOutboxAndInboxSeries() {
        PrometheusScrape before = Poll.until("the gauges read once", this::scrape,
                scrape -> scrape.has("scatter_jobs", "status", "SUCCEEDED")
                        && scrape.has("scatter_queue_consumers", "queue", "scatter.tasks"));

        try (TestWorker worker = TestWorker.start(environment)) {
            String id = api.submit(aPrimeCountJob().from(0).to(999_999).tasks(4).algorithm("sieve").json());
            Poll.until("the job to succeed", () -> api.job(id).get("status").asText(), "SUCCEEDED"::equals);

            // the gauges are read by two periodic tasks of their own: wait for both to have read the job's end
            PrometheusScrape after = Poll.until("the gauges to catch up", this::scrape,
                    scrape -> scrape.sum("scatter_jobs", "status", "SUCCEEDED")
                            == before.sum("scatter_jobs", "status", "SUCCEEDED") + 1
                            && scrape.sum("scatter_queue_consumers", "queue", "scatter.tasks") >= 1
                            && scrape.sum("scatter_queue_messages", "queue", "scatter.tasks") == 0
                            && scrape.sum("scatter_outbox_backlog") == 0);
            assertThat(delta(before, after, "scatter_tasks_completed_total", "type", "prime-count", "outcome",
                    "succeeded")).isEqualTo(4);
            assertThat(delta(before, after, "scatter_numbers_checked_total", "type", "prime-count"))
                    .isEqualTo(1_000_000);
            assertThat(delta(before, after, "scatter_task_duration_seconds_count", "type", "prime-count",
                    "algorithm", "sieve")).isEqualTo(4);
            assertThat(after.has("scatter_task_duration_seconds_bucket", "type", "prime-count", "algorithm", "sieve",
                    "le", "0.5")).isTrue();
            assertThat(delta(before, after, "scatter_inbox_apply_seconds_count")).isPositive();
            assertThat(delta(before, after, "scatter_inbox_result_latency_seconds_count")).isEqualTo(4);
            assertThat(after.sum("scatter_outbox_backlog")).isZero();
            assertThat(after.sum("scatter_outbox_oldest_age_seconds")).isZero();
            assertThat(after.sum("scatter_queue_messages", "queue", "scatter.tasks")).isZero();
        }
    }

    @Test
    void storedDeadLettersAreCountedByJobType() {
        jdbc.sql("""
                        INSERT INTO dead_letters (id, message_id, job_id, task_index, job_type, reason, attempts,
                                                  dead_lettered_at)
                        VALUES (:id, :message, :job, 0, 'prime-count', 'boom', 5, now())""")
                .param("id", UUID.randomUUID()).param("message", "dead-" + UUID.randomUUID())
                .param("job", UUID.randomUUID()).update();

        PrometheusScrape scrape = Poll.until("the dead letter counted", this::scrape,
                counted -> counted.sum("scatter_tasks_dead_lettered_total", "type", "prime-count") >= 1);

        assertThat(scrape.sum("scatter_tasks_dead_lettered_total", "type", "prime-count")).isEqualTo(1);
    }

    private PrometheusScrape scrape() {
        ApiClient.Response response = api.get("/actuator/prometheus");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return PrometheusScrape.parse(response.body());
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
