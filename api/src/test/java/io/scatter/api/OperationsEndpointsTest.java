package io.scatter.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiClient.Response;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.Poll;
import io.scatter.api.testing.RawHttp;
import io.scatter.api.testing.RawHttp.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Health, OpenAPI and Swagger UI, for operators and client authors. */
@ApiTest
class OperationsEndpointsTest {

    static final ApiEnvironment environment = ApiEnvironment.withBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
    }

    private final ApiClient api;
    private final int port;

    @Autowired
    OperationsEndpointsTest(@LocalServerPort int port) {
        this.api = new ApiClient(port);
        this.port = port;
    }

    @Test
    void healthReportsTheDatabaseAndTheBrokerUp() {
        JsonNode health = Poll.until("the broker connected", () -> api.get("/actuator/health").json(),
                h -> h.path("components").path("broker").path("status").asText().equals("UP"));

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void readinessAndLivenessAreUpWithTheDatabaseAndTheBrokerConnected() {
        Response readiness = Poll.until("readiness to be UP", () -> api.get("/actuator/health/readiness"),
                response -> response.status() == 200);

        assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
        assertThat(readiness.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(readiness.json().path("components").path("broker").path("status").asText()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentDescribesTheJobsEndpoints() {
        Response response = api.get("/v3/api-docs");

        assertThat(response.status()).isEqualTo(200);
        JsonNode jobs = response.json().path("paths").path("/api/v1/jobs");
        assertThat(jobs.path("post").path("summary").asText()).isEqualTo("Submit a job");
        assertThat(jobs.path("post").path("responses").has("202")).isTrue();
        assertThat(jobs.path("get").path("summary").asText()).isNotBlank();
        JsonNode job = response.json().path("paths").path("/api/v1/jobs/{id}");
        assertThat(job.path("get").path("responses").has("404")).isTrue();
        assertThat(job.path("delete").path("responses").has("409")).isTrue();
        JsonNode tasks = response.json().path("paths").path("/api/v1/jobs/{id}/tasks");
        assertThat(tasks.path("get").path("responses").has("404")).isTrue();
        assertThat(tasks.path("get").path("parameters").findValuesAsText("name")).contains("limit", "cursor");
    }

    @Test
    void swaggerUiIsServed() {
        Response response = api.send("GET", "/swagger-ui.html", null, null, Map.of());

        assertThat(response.status()).isIn(200, 302);
        Response page = api.get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger");
    }

    @Test
    void prometheusAnswersARequestWithAnEmptyAcceptHeader() {
        String request = "GET /actuator/prometheus HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: \r\n"
                + "Connection: close\r\n\r\n";

        Answer answer = RawHttp.exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body()).contains("jvm_");
    }
}
