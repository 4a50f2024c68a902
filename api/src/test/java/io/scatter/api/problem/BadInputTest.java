package io.scatter.api.problem;

import com.fasterxml.jackson.databind.JsonNode;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiClient.Response;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static io.scatter.api.testing.ApiClient.JSON;
import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

/** Every kind of bad request gets the right 4xx status as application/problem+json naming the offending field. */
@ApiTest
class BadInputTest {

    static final ApiEnvironment environment = ApiEnvironment.withoutBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
    }

    private static final String JOBS = "/api/v1/jobs";

    private final ApiClient api;
    private final int port;

    @Autowired
    BadInputTest(@LocalServerPort int port) {
        this.api = new ApiClient(port);
        this.port = port;
    }

    /** One bad request and the answer it must get; {@code field} null when no field is named. */
    record Case(String method, String path, String contentType, String body, Map<String, String> headers, int status,
                String field) {

        static Case post(String body, int status, String field) {
            return new Case("POST", JOBS, JSON, body, Map.of(), status, field);
        }
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("malformed JSON", Case.post("{\"type\":\"prime-count\",", 400, "body")),
                bad("empty body", Case.post("", 400, "body")),
                bad("missing body", new Case("POST", JOBS, JSON, null, Map.of(), 400, "body")),
                bad("an array instead of an object", Case.post("[]", 400, "body")),
                bad("a string instead of an object", Case.post("\"count primes\"", 400, "body")),
                bad("null instead of an object", Case.post("null", 400, "body")),
                bad("content after the object", Case.post(aPrimeCountJob().json() + " {}", 400, "body")),
                bad("a duplicate key", Case.post("{\"type\":\"prime-count\",\"type\":\"x\",\"input\":{}}", 400, "body")),
                bad("an unknown top-level field", Case.post("{\"type\":\"prime-count\",\"input\":{\"from\":0,"
                        + "\"to\":10},\"priority\":1}", 400, "priority")),
                bad("missing type", Case.post("{\"input\":{\"from\":0,\"to\":10}}", 400, "type")),
                bad("type not a string", Case.post(aPrimeCountJob().type(5).json(), 400, "type")),
                bad("unknown type", Case.post(aPrimeCountJob().type("prime-sum").json(), 400, "type")),
                bad("missing input", Case.post("{\"type\":\"prime-count\"}", 400, "input")),
                bad("input an array", Case.post("{\"type\":\"prime-count\",\"input\":[0,10]}", 400, "input")),
                bad("input a number", Case.post("{\"type\":\"prime-count\",\"input\":10}", 400, "input")),
                bad("options an array", Case.post("{\"type\":\"prime-count\",\"input\":{\"from\":0,\"to\":10},"
                        + "\"options\":[]}", 400, "options")),
                bad("missing from", Case.post("{\"type\":\"prime-count\",\"input\":{\"to\":10}}", 400, "input.from")),
                bad("missing to", Case.post("{\"type\":\"prime-count\",\"input\":{\"from\":0}}", 400, "input.to")),
                bad("from a string", Case.post(aPrimeCountJob().from("0").json(), 400, "input.from")),
                bad("to a string", Case.post(aPrimeCountJob().to("1000").json(), 400, "input.to")),
                bad("from a fraction", Case.post(aPrimeCountJob().from(0.5).json(), 400, "input.from")),
                bad("to barely a fraction", Case.post(raw("0", "1.0000000000000001"), 400, "input.to")),
                bad("to a boolean", Case.post(aPrimeCountJob().to(true).json(), 400, "input.to")),
                bad("to null", Case.post(raw("0", "null"), 400, "input.to")),
                bad("from negative", Case.post(aPrimeCountJob().from(-1).json(), 400, "input.from")),
                bad("from huge", Case.post(raw("99999999999999999999999", "10"), 400, "input.from")),
                bad("to huge", Case.post(raw("0", "99999999999999999999999"), 400, "input.to")),
                bad("to 1e400", Case.post(raw("0", "1e400"), 400, "input.to")),
                bad("to -1e400", Case.post(raw("0", "-1e400"), 400, "input.to")),
                bad("to past 10^15", Case.post(aPrimeCountJob().to(1_000_000_000_000_001L).json(), 400, "input.to")),
                bad("to Long.MAX_VALUE + 1", Case.post(raw("0", "9223372036854775808"), 400, "input.to")),
                bad("from above to", Case.post(aPrimeCountJob().from(500).to(100).json(), 400, "input.from")),
                bad("zero tasks", Case.post(aPrimeCountJob().tasks(0).json(), 400, "options.tasks")),
                bad("100000 tasks", Case.post(aPrimeCountJob().tasks(100_000).json(), 400, "options.tasks")),
                bad("tasks a fraction", Case.post(aPrimeCountJob().tasks(2.5).json(), 400, "options.tasks")),
                bad("tasks a string", Case.post(aPrimeCountJob().tasks("4").json(), 400, "options.tasks")),
                bad("unknown algorithm", Case.post(aPrimeCountJob().algorithm("magic").json(), 400,
                        "options.algorithm")),
                bad("unknown option", Case.post("{\"type\":\"prime-count\",\"input\":{\"from\":0,\"to\":10},"
                        + "\"options\":{\"colour\":\"blue\"}}", 400, "options.colour")),
                bad("unknown input field", Case.post("{\"type\":\"prime-count\",\"input\":{\"from\":0,\"to\":10,"
                        + "\"step\":2}}", 400, "input.step")),
                bad("text instead of JSON", new Case("POST", JOBS, "text/plain", aPrimeCountJob().json(), Map.of(),
                        415, "Content-Type")),
                bad("no content type", new Case("POST", JOBS, null, aPrimeCountJob().json(), Map.of(), 415,
                        "Content-Type")),
                bad("a body too large", Case.post("{\"type\":\"prime-count\",\"input\":{\"pad\":\""
                        + "x".repeat(100_000) + "\"}}", 413, "body")),
                bad("an Idempotency-Key too long", new Case("POST", JOBS, JSON, aPrimeCountJob().json(),
                        Map.of("Idempotency-Key", "k".repeat(256)), 400, "Idempotency-Key")),
                bad("an Accept header that is no media type", new Case("GET", JOBS, null, null,
                        Map.of("Accept", "garbage"), 400, "Accept")),
                bad("an Accept header with a bad quality", new Case("POST", JOBS, JSON, "{",
                        Map.of("Accept", "*/*;q=abc"), 400, "Accept")),
                bad("PUT on the jobs", new Case("PUT", JOBS, JSON, aPrimeCountJob().json(), Map.of(), 405, null)),
                bad("PATCH on a job", new Case("PATCH", JOBS + "/" + UUID.randomUUID(), JSON, "{}", Map.of(), 405,
                        null)),
                bad("an unknown path", new Case("GET", "/api/v1/no-such-resource", null, null, Map.of(), 404, null)),
                bad("the error page asked for directly", new Case("GET", "/error", null, null, Map.of(), 404,
                        null)),
                bad("an unknown job", new Case("GET", JOBS + "/" + UUID.randomUUID(), null, null, Map.of(), 404,
                        null)),
                bad("a job id that is no UUID", new Case("GET", JOBS + "/42", null, null, Map.of(), 404, null)),
                bad("a job id that is a lax UUID", new Case("GET", JOBS + "/1-1-1-1-1", null, null, Map.of(), 404,
                        null)),
                bad("cancelling a job id that is no UUID", new Case("DELETE", JOBS + "/x", null, null, Map.of(), 404,
                        null)),
                bad("an unknown status filter", new Case("GET", JOBS + "?status=DONE", null, null, Map.of(), 400,
                        "status")),
                bad("limit 0", new Case("GET", JOBS + "?limit=0", null, null, Map.of(), 400, "limit")),
                bad("limit 101", new Case("GET", JOBS + "?limit=101", null, null, Map.of(), 400, "limit")),
                bad("limit not a number", new Case("GET", JOBS + "?limit=all", null, null, Map.of(), 400, "limit")),
                bad("a forged cursor", new Case("GET", JOBS + "?cursor=bm90LWEtY3Vyc29y", null, null, Map.of(),
                        400, "cursor")),
                bad("a cursor that is no base64", new Case("GET", JOBS + "?cursor=%25%25%25", null, null, Map.of(),
                        400, "cursor")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestGetsAProblemNamingTheField(Case bad) {
        Response response = api.send(bad.method(), bad.path(), bad.body(), bad.contentType(), bad.headers());

        assertThat(response.status()).as(response.toString()).isEqualTo(bad.status());
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(bad.status());
        assertThat(problem.path("title").asText()).isNotBlank();
        if (bad.field() != null) {
            assertThat(problem.path("field").asText()).as(response.toString()).isEqualTo(bad.field());
            assertThat(problem.path("detail").asText()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /api/v1/jobs?status=%ZZ HTTP/1.1", "GET /api/v1/jobs/%00 HTTP/1.1",
            "GET /api/v1/jobs/../../etc/passwd HTTP/1.1", "GET /api/v1/jobs/%2e%2e/x HTTP/1.1"})
    void requestsTomcatRejectsGetAProblemToo(String requestLine) {
        String[] answer = RawHttp.statusAndContentType(port, requestLine);

        assertThat(answer[0]).as(requestLine).startsWith("4");
        assertThat(answer[1]).as(requestLine).startsWith("application/problem+json");
    }

    @Test
    void randomlyMangledSubmissionsNeverCauseAServerError() {
        Random random = new Random(20_300_101);
        List<String> values = List.of("null", "true", "-0", "0", "-1", "1e400", "-1e-400", "1.5", "\"\"", "\"x\"",
                "[]", "{}", "[1,2]", "{\"a\":{}}", "99999999999999999999999999999", "1000000000000000",
                "1e15", "1E+2", "0.0", "2147483648", "-9223372036854775809", "\"\\u0000\"", "\"sieve\"");
        List<String> keys = List.of("type", "input", "options", "from", "to", "tasks", "algorithm", "x");
        for (int i = 0; i < 300; i++) {
            String body = "{\"type\":" + pick(random, List.of("\"prime-count\"", pick(random, values)))
                    + ",\"input\":{\"from\":" + pick(random, values) + ",\"to\":" + pick(random, values)
                    + (random.nextBoolean() ? ",\"" + pick(random, keys) + "\":" + pick(random, values) : "")
                    + "},\"options\":{\"tasks\":" + pick(random, values) + ",\"algorithm\":" + pick(random, values)
                    + "}}";
            Response response = api.post(JOBS, body);
            assertThat(response.status()).as(body + " -> " + response).isLessThan(500);
            if (response.status() != 202) {
                assertThat(response.contentType()).as(body).startsWith("application/problem+json");
            }
        }
    }

    private static String raw(String from, String to) {
        return "{\"type\":\"prime-count\",\"input\":{\"from\":" + from + ",\"to\":" + to + "}}";
    }

    private static String pick(Random random, List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static Arguments bad(String name, Case bad) {
        return Arguments.of(named(name, bad));
    }
}
