package io.scatter.api.jobtype;

import com.fasterxml.jackson.databind.JsonNode;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiClient.Response;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.Poll;
import io.scatter.api.testing.TestWorker;
import io.scatter.core.jobtype.JobTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job type added only on the test class path (the service file in the test resources) is offered by the API and
 * computed by a real worker, with no other code knowing about it.
 */
@ApiTest
class TestClassPathJobTypeTest {

    static final ApiEnvironment environment = ApiEnvironment.withBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
    }

    private static final Set<String> ENDED = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    private final ApiClient api;

    @Autowired
    TestClassPathJobTypeTest(@LocalServerPort int port) {
        this.api = new ApiClient(port);
    }

    @Test
    void theWorkersDiscoveryFindsTheTestTypeNextToTheShippedOnes() {
        assertThat(JobTypes.load().names()).contains(SumOfSquaresJobType.NAME, "prime-count");
    }

    @Test
    void aJobOfTheTestTypeIsSplitComputedByARealWorkerAndCombined() {
        String id = api.submit("""
                {"type": "sum-of-squares", "input": {"from": 1, "to": 100}, "options": {"tasks": 4}}""");

        JsonNode job;
        try (TestWorker worker = TestWorker.start(environment)) {
            job = Poll.until("job " + id + " to end", () -> api.job(id),
                    document -> ENDED.contains(document.get("status").asText()));
        }

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("type").asText()).isEqualTo("sum-of-squares");
        assertThat(job.get("progress").get("tasksTotal").asInt()).isEqualTo(4);
        assertThat(job.get("progress").get("tasksDone").asInt()).isEqualTo(4);
        assertThat(job.get("result").get("sum").asLong()).isEqualTo(100L * 101 * 201 / 6);
        assertThat(job.get("error").isNull()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"from": 5, "to": 2}                     | input.to
            {"from": "one", "to": 2}                 | input.from
            {"from": 1}                              | input.to
            {"from": 1, "to": 2000000}               | input.to
            {"from": 1, "to": 2, "step": 1}          | input.step
            """)
    void invalidInputForTheTestTypeAnswers400NamingTheField(String input, String field) {
        Response response = api.post("/api/v1/jobs", "{\"type\": \"sum-of-squares\", \"input\": " + input + "}");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).isEqualTo(field);
        assertThat(response.json().get("detail").asText()).contains(field);
    }

    @Test
    void invalidOptionsForTheTestTypeAnswer400NamingTheField() {
        Response response = api.post("/api/v1/jobs", """
                {"type": "sum-of-squares", "input": {"from": 1, "to": 10}, "options": {"tasks": 0}}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).isEqualTo("options.tasks");
    }
}
