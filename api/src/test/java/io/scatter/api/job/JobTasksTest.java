package io.scatter.api.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiClient.Response;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.Poll;
import io.scatter.api.testing.TestWorker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/jobs/{id}/tasks: a job's tasks by index, with where and when a real worker computed each. */
@ApiTest
class JobTasksTest {

    static final ApiEnvironment environment = ApiEnvironment.withBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
    }

    private final ApiClient api;

    @Autowired
    JobTasksTest(@LocalServerPort int port) {
        this.api = new ApiClient(port);
    }

    @Test
    void theTasksOfAJobARealWorkerComputedNameTheWorkerAttemptAndTimes() {
        String id = api.submit(aPrimeCountJob().from(0).to(200_000).tasks(4).json());
        try (TestWorker worker = TestWorker.start(environment)) {
            Poll.until("job " + id + " to succeed", () -> api.job(id),
                    job -> job.get("status").asText().equals("SUCCEEDED"));
        }

        Response response = api.get("/api/v1/jobs/" + id + "/tasks");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("jobId").asText()).isEqualTo(id);
        assertThat(body.get("nextCursor").isNull()).isTrue();
        List<Integer> indexes = new ArrayList<>();
        for (JsonNode task : body.get("tasks")) {
            indexes.add(task.get("index").asInt());
            assertThat(task.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(task.get("worker").asText()).isEqualTo("api-test-worker");
            assertThat(task.get("attempts").asInt()).isEqualTo(1);
            Instant started = Instant.parse(task.get("startedAt").asText());
            Instant finished = Instant.parse(task.get("finishedAt").asText());
            assertThat(finished).isAfterOrEqualTo(started);
            assertThat(task.get("durationMs").asLong()).isEqualTo(Duration.between(started, finished).toMillis());
            assertThat(task.get("error").isNull()).isTrue();
        }
        assertThat(indexes).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aTaskCancelledBeforeAnyWorkerTookItHasNoWorkerOrTimes() {
        String id = api.submit(aPrimeCountJob().from(0).to(1_000).tasks(1).json());
        api.delete("/api/v1/jobs/" + id);

        JsonNode task = api.get("/api/v1/jobs/" + id + "/tasks").json().get("tasks").get(0);

        assertThat(task.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(task.get("worker").isNull()).isTrue();
        assertThat(task.get("attempts").asInt()).isZero();
        assertThat(task.get("startedAt").isNull()).isTrue();
        assertThat(task.get("finishedAt").isNull()).isTrue();
        assertThat(task.get("durationMs").isNull()).isTrue();
    }

    @Test
    void aLimitPagesTheTasksAndTheCursorLeadsToTheRest() {
        String id = api.submit(aPrimeCountJob().from(0).to(100_000).tasks(5).json());

        JsonNode first = api.get("/api/v1/jobs/" + id + "/tasks?limit=3").json();
        JsonNode second = api.get("/api/v1/jobs/" + id + "/tasks?limit=3&cursor=" + first.get("nextCursor").asText())
                .json();

        assertThat(first.get("tasks")).extracting(task -> task.get("index").asInt()).containsExactly(0, 1, 2);
        assertThat(second.get("tasks")).extracting(task -> task.get("index").asInt()).containsExactly(3, 4);
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void anUnknownJobIs404ProblemJson() {
        Response response = api.get("/api/v1/jobs/" + UUID.randomUUID() + "/tasks");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anIdThatIsNotAUuidIsAnUnknownJobAsForTheJobItself() {
        assertThat(api.get("/api/v1/jobs/not-a-uuid/tasks").status())
                .isEqualTo(api.get("/api/v1/jobs/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void aBadLimitIs400NamingIt() {
        String id = api.submit(aPrimeCountJob().json());

        Response response = api.get("/api/v1/jobs/" + id + "/tasks?limit=0");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).isEqualTo("limit");
    }
}
