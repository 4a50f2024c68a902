package io.scatter.api.dalc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiClient.Response;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.Poll;
import io.scatter.api.testing.TestWorker;
import io.scatter.messaging.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** dalc clients submit expressions to POST /tasks and read them at GET /tasks?id=N, computed by real workers. */
@ApiTest
class DalcTasksTest {

    static final ApiEnvironment environment = ApiEnvironment.withBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
    }

    /** Reads answers with every number exact, to see the digits the API wrote. */
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final List<String> TABLES = List.of("jobs", "tasks", "outbox", "dalc_tasks");

    private final ApiClient api;
    private final JdbcClient jdbc;

    @Autowired
    DalcTasksTest(@LocalServerPort int port, JdbcClient jdbc) {
        this.api = new ApiClient(port);
        this.jdbc = jdbc;
    }

    @Test
    void aPostedExpressionAnswersItsNewIntegerIdScheduledWithoutResultOrError() {
        Response response = post("1 + 1");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode task = response.json();
        assertThat(task.get("id").isIntegralNumber()).as(task.toString()).isTrue();
        assertThat(task.get("id").asLong()).isPositive();
        assertThat(task.get("expression").asText()).isEqualTo("1 + 1");
        assertThat(task.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(task.get("result").isNull()).isTrue();
        assertThat(task.get("errorMessage").isNull()).isTrue();
        assertThat(task.size()).isEqualTo(5);
    }

    @Test
    void eachPostedTaskGetsAGreaterIdThanTheOneBefore() {
        long first = create("1 + 2");
        long second = create("2 + 3");
        long third = create("3 + 4");

        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
    }

    @Test
    void aScheduledTaskReadsBackAsPosted() {
        Response posted = post("6 * 7");

        Response read = api.get("/tasks?id=" + posted.json().get("id").asLong());

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(posted.json());
    }

    @Test
    void tasksComputedByARealWorkerAreCompletedWithTheirExactResultWrittenDigitForDigit() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("1 + 1", "2");
        expected.put("(1 + 2) * 3 / 4", "2.25");
        expected.put("0.1 + 0.2", "0.3");
        expected.put("123456789012345678901234567890 + 1", "123456789012345678901234567891");
        expected.put("1 / 3", "0.3333333333333333333333333333333333");
        expected.put("0.0000001 * 1", "0.0000001");
        Map<String, Long> ids = new LinkedHashMap<>();
        expected.keySet().forEach(expression -> ids.put(expression, create(expression)));

        try (TestWorker worker = TestWorker.start(environment)) {
            for (Map.Entry<String, Long> task : ids.entrySet()) {
                Response done = awaitEnd(task.getValue());
                JsonNode exact = EXACT.readTree(done.body());

                assertThat(exact.get("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
                assertThat(exact.get("expression").asText()).isEqualTo(task.getKey());
                assertThat(exact.get("result").isNumber()).as(done.toString()).isTrue();
                assertThat(done.body()).contains("\"result\":" + expected.get(task.getKey()) + ",");
                assertThat(exact.get("result").decimalValue())
                        .isEqualByComparingTo(new BigDecimal(expected.get(task.getKey())));
                assertThat(exact.get("errorMessage").isNull()).isTrue();
            }
        }
    }

    @Test
    void aDivisionByZeroFailsWithTheJobsErrorMessage() {
        long id = create("1 / 0");

        Response done;
        try (TestWorker worker = TestWorker.start(environment)) {
            done = awaitEnd(id);
        }

        JsonNode task = done.json();
        assertThat(task.get("status").asText()).as(done.toString()).isEqualTo("FAILED");
        assertThat(task.get("result").isNull()).isTrue();
        assertThat(task.get("errorMessage").asText()).contains("division by zero");
        assertThat(task.get("errorMessage").asText()).isEqualTo(api.job(jobId(id).toString()).get("error").asText());
    }

    @Test
    void theTaskIsAnExpressionJobAlsoVisibleThroughTheJobsApi() throws Exception {
        long id = create("2 * 21");
        UUID jobId = jobId(id);

        JsonNode job = api.job(jobId.toString());
        assertThat(job.get("type").asText()).isEqualTo("expression");
        assertThat(job.get("input").get("expression").asText()).isEqualTo("2 * 21");
        assertThat(job.get("status").asText()).isEqualTo("QUEUED");

        try (TestWorker worker = TestWorker.start(environment)) {
            awaitEnd(id);
        }
        JsonNode finished = api.job(jobId.toString());
        JsonNode task = EXACT.readTree(api.get("/tasks?id=" + id).body());
        assertThat(finished.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(task.get("result").decimalValue())
                .isEqualByComparingTo(new BigDecimal(finished.get("result").get("value").asText()));
    }

    @Test
    void aTaskWhoseJobIsCancelledThroughTheJobsApiIsFailed() {
        long id = create("5 - 3");

        Response cancelled = api.delete("/api/v1/jobs/" + jobId(id));
        Response task = api.get("/tasks?id=" + id);

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(task.json().get("status").asText()).isEqualTo("FAILED");
        assertThat(task.json().get("result").isNull()).isTrue();
        assertThat(task.json().get("errorMessage").asText()).isEqualTo("the task was cancelled");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1 +", "(1 + 2", "1 + * 2", "two plus two"})
    void anInvalidExpressionIsRejectedWith400AndNothingIsStored(String expression) {
        Map<String, Long> before = counts();

        Response response = post(expression);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).isEqualTo("expression");
        assertThat(response.json().get("detail").asText()).startsWith("expression").doesNotContain("input.");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void whenTheTaskIdCannotBeStoredTheJobIsNotStoredEither() {
        Map<String, Long> before = counts();
        jdbc.sql("ALTER TABLE dalc_tasks ADD CONSTRAINT refuse_new_tasks CHECK (id < 0) NOT VALID").update();
        Response response;
        try {
            response = post("1 + 1");
        } finally {
            jdbc.sql("ALTER TABLE dalc_tasks DROP CONSTRAINT refuse_new_tasks").update();
        }

        assertThat(response.status()).as(response.toString()).isEqualTo(500);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anUnknownIdAnswers404() {
        Response response = api.get("/tasks?id=987654321");

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("987654321");
    }

    @ParameterizedTest(name = "GET /tasks{0}")
    @ValueSource(strings = {"", "?id=", "?id=abc", "?id=0", "?id=-1", "?id=1.5", "?id=%201", "?id=0x10",
            "?id=99999999999999999999", "?id=1&id=2", "?ID=1"})
    void aMissingOrInvalidIdAnswers400NamingId(String query) {
        Response response = api.get("/tasks" + query);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).isEqualTo("id");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {}                                       | expression
            {"expression": null}                     | expression
            {"expression": ""}                       | expression
            {"expression": "   "}                    | expression
            {"expression": 2}                        | expression
            {"expression": ["1 + 1"]}                | expression
            {"expression": {"a": 1}}                 | expression
            {"expression": true}                     | expression
            {"expression": "1 + 1", "id": 3}         | id
            {"expression": "1", "expression": "2"}   | body
            {"expression": "1 + 1"                   | body
            {"expression": "1 + 1"} {}               | body
            ["1 + 1"]                                | body
            `"1 + 1"`                                | body
            not json                                 | body
            """)
    void aBadBodyAnswers400NamingTheField(String body, String field) {
        Map<String, Long> before = counts();

        Response response = api.post("/tasks", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).isEqualTo(field);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anEmptyBodyAnswers400NamingTheBody() {
        Response response = api.send("POST", "/tasks", "", ApiClient.JSON, Map.of());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).isEqualTo("body");
    }

    @Test
    void aBodyThatIsNotDeclaredJsonAnswers415() {
        Response response = api.send("POST", "/tasks", "{\"expression\": \"1 + 1\"}", "text/plain", Map.of());

        assertThat(response.status()).as(response.toString()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private Response post(String expression) {
        try {
            return api.post("/tasks", Json.mapper().writeValueAsString(Map.of("expression", expression)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long create(String expression) {
        Response response = post(expression);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("id").asLong();
    }

    private Response awaitEnd(long id) {
        return Poll.until("task " + id + " to end", () -> api.get("/tasks?id=" + id),
                response -> response.status() != 200 || !"SCHEDULED".equals(response.json().get("status").asText()));
    }

    private UUID jobId(long id) {
        return jdbc.sql("SELECT job_id FROM dalc_tasks WHERE id = ?").param(id).query(UUID.class).single();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }
}
