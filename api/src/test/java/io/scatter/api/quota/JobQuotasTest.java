package io.scatter.api.quota;

import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiClient.Response;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static org.assertj.core.api.Assertions.assertThat;

/** The jobs-in-flight, tasks-per-job and range-width limits over HTTP; without a broker, jobs stay QUEUED. */
@ApiTest
@TestPropertySource(properties = {"scatter.quota.jobs-in-flight=3", "scatter.quota.tasks-per-job=5",
        "scatter.quota.range-width=1000000"})
class JobQuotasTest {

    static final ApiEnvironment environment = ApiEnvironment.withoutBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
    }

    private static final String JOBS = "/api/v1/jobs";

    private final ApiClient api;
    private final JdbcClient jdbc;

    @Autowired
    JobQuotasTest(@LocalServerPort int port, JdbcClient jdbc) {
        this.api = new ApiClient(port);
        this.jdbc = jdbc;
    }

    @BeforeEach
    void noJobInFlight() {
        jdbc.sql("UPDATE jobs SET status = 'CANCELLED', finished_at = now() WHERE status IN ('QUEUED', 'RUNNING')")
                .update();
    }

    private long jobsInFlight() {
        return jdbc.sql("SELECT count(*) FROM jobs WHERE status IN ('QUEUED', 'RUNNING')").query(Long.class).single();
    }

    @Test
    void concurrentSubmissionsNeverTakeACallerOverItsJobsInFlight() throws Exception {
        int submissions = 12;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < submissions; i++) {
            posts.add(() -> {
                start.await();
                return api.post(JOBS, aPrimeCountJob().json()).status();
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(submissions);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = posts.stream().map(threads::submit).toList();
            start.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(statuses).filteredOn(status -> status == 202).hasSize(3);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(submissions - 3);
        assertThat(jobsInFlight()).isEqualTo(3);
    }

    @Test
    void aCallerAtItsJobsInFlightGets429UntilAJobEnds() {
        String first = api.submit(aPrimeCountJob().json());
        api.submit(aPrimeCountJob().json());
        api.submit(aPrimeCountJob().json());

        Response over = api.post(JOBS, aPrimeCountJob().json());

        assertThat(over.status()).as(over.toString()).isEqualTo(429);
        assertThat(over.contentType()).startsWith("application/problem+json");
        assertThat(over.header("Retry-After")).contains("5");
        assertThat(over.json().get("limit").asText()).isEqualTo("jobs-in-flight");
        assertThat(over.json().get("quota").asInt()).isEqualTo(3);
        assertThat(over.json().get("detail").asText()).contains("already has 3 jobs queued or running");

        assertThat(api.delete(JOBS + "/" + first).status()).isEqualTo(200);
        assertThat(api.post(JOBS, aPrimeCountJob().json()).status()).isEqualTo(202);
    }

    @Test
    void aRepeatedSubmissionAtTheQuotaGetsTheEarlierJob() {
        Map<String, String> key = Map.of("Idempotency-Key", "quota-replay");
        Response accepted = api.post(JOBS, aPrimeCountJob().json(), key);
        api.submit(aPrimeCountJob().json());
        api.submit(aPrimeCountJob().json());

        Response replayed = api.post(JOBS, aPrimeCountJob().json(), key);

        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(202);
        assertThat(replayed.json().get("id")).isEqualTo(accepted.json().get("id"));
    }

    @Test
    void aDalcTaskCountsAsAJobInFlight() {
        api.submit(aPrimeCountJob().json());
        api.submit(aPrimeCountJob().json());
        api.submit(aPrimeCountJob().json());

        Response over = api.post("/tasks", "{\"expression\":\"1 + 1\"}");

        assertThat(over.status()).as(over.toString()).isEqualTo(429);
        assertThat(over.json().get("limit").asText()).isEqualTo("jobs-in-flight");
    }

    @Test
    void aJobWithMoreTasksThanAllowedIsUnprocessableAndStoresNothing() {
        long before = jdbc.sql("SELECT count(*) FROM jobs").query(Long.class).single();

        Response over = api.post(JOBS, aPrimeCountJob().tasks(6).json());

        assertThat(over.status()).as(over.toString()).isEqualTo(422);
        assertThat(over.contentType()).startsWith("application/problem+json");
        assertThat(over.header("Retry-After")).as("waiting does not help").isEmpty();
        assertThat(over.json().get("limit").asText()).isEqualTo("tasks-per-job");
        assertThat(over.json().get("field").asText()).isEqualTo("options.tasks");
        assertThat(over.json().get("quota").asInt()).isEqualTo(5);
        assertThat(over.json().get("requested").asInt()).isEqualTo(6);
        assertThat(jdbc.sql("SELECT count(*) FROM jobs").query(Long.class).single()).isEqualTo(before);
        assertThat(api.post(JOBS, aPrimeCountJob().tasks(5).json()).status()).isEqualTo(202);
    }

    @Test
    void aJobWiderThanTheRangeWidthIsUnprocessable() {
        Response over = api.post(JOBS, aPrimeCountJob().from(0).to(1_000_000).json());

        assertThat(over.status()).as(over.toString()).isEqualTo(422);
        assertThat(over.json().get("limit").asText()).isEqualTo("range-width");
        assertThat(over.json().get("field").asText()).isEqualTo("input");
        assertThat(over.json().get("requested").asLong()).isEqualTo(1_000_001);
        assertThat(over.json().get("detail").asText()).isEqualTo("the job would check 1000001 numbers; a job may "
                + "check at most 1000000: split it into smaller jobs");
        assertThat(api.post(JOBS, aPrimeCountJob().from(1).to(1_000_000).json()).status()).isEqualTo(202);
    }
}
