package io.scatter.api.auth;

import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiClient.Response;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static org.assertj.core.api.Assertions.assertThat;

/** API keys in front of the API: 401 without a valid one, probes and docs open, and each key sees only its own jobs. */
@ApiTest
class AuthenticationTest {

    static final ApiEnvironment environment = ApiEnvironment.withoutBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
        registry.add("scatter.auth.mode", () -> "api-key");
        registry.add("scatter.auth.cache-ttl", () -> "0s");
    }

    private final ApiClient api;

    @Autowired
    AuthenticationTest(@LocalServerPort int port) {
        this.api = new ApiClient(port);
    }

    @Test
    void aRequestWithoutAKeyIsRefusedWithAProblemAndABearerChallenge() {
        Response response = api.post("/api/v1/jobs", aPrimeCountJob().json());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).contains("Bearer");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(response.json().get("detail").asText()).contains("Authorization: Bearer");
        assertThat(api.get("/actuator/prometheus").body()).containsPattern(
                "scatter_auth_refused_total\\{[^}]*reason=\"missing\"[^}]*} [1-9]");
    }

    @Test
    void aMalformedOrUnknownOrWrongKeyIsRefused() throws SQLException {
        String key = newKey();
        String wrongSecret = key.substring(0, key.length() - 4) + (key.endsWith("AAAA") ? "BBBB" : "AAAA");
        String unknownId = "sk_" + UUID.randomUUID().toString().replace("-", "") + key.substring(35);

        for (String token : new String[]{"not-a-key", wrongSecret, unknownId}) {
            Response response = as(token, "GET", "/api/v1/jobs", null);

            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
            assertThat(response.json().get("detail").asText()).isEqualTo("the API key is not valid");
        }
    }

    @Test
    void withoutAnOidcIssuerAJwtIsJustAnInvalidKey() {
        String token = TestTokens.aToken().signedWith(TestIssuer.newKey()).serialize();

        Response response = as(token, "GET", "/api/v1/jobs", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asText()).isEqualTo("the API key is not valid");
    }

    @Test
    void aRevokedKeyIsRefused() throws SQLException {
        String name = "revoked-" + UUID.randomUUID();
        String key = store().create(name).token();
        assertThat(as(key, "GET", "/api/v1/jobs", null).status()).isEqualTo(200);

        store().revoke(name);

        Response response = as(key, "GET", "/api/v1/jobs", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asText()).isEqualTo("the API key was revoked");
    }

    @Test
    void probesMetricsAndTheApiDocsNeedNoKey() {
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void anotherKeysJobIsNotFoundOnEveryJobEndpoint() throws SQLException {
        String owner = newKey();
        String other = newKey();
        String id = as(owner, "POST", "/api/v1/jobs", aPrimeCountJob().json()).json().get("id").asText();

        assertThat(as(other, "GET", "/api/v1/jobs/" + id, null).status()).isEqualTo(404);
        assertThat(as(other, "GET", "/api/v1/jobs/" + id + "/tasks", null).status()).isEqualTo(404);
        assertThat(as(other, "DELETE", "/api/v1/jobs/" + id, null).status()).isEqualTo(404);
        assertThat(as(owner, "GET", "/api/v1/jobs/" + id, null).json().get("status").asText())
                .isNotEqualTo("CANCELLED");
        assertThat(as(owner, "GET", "/api/v1/jobs/" + id + "/tasks", null).status()).isEqualTo(200);
        assertThat(as(owner, "DELETE", "/api/v1/jobs/" + id, null).status()).isEqualTo(200);
    }

    @Test
    void theJobListShowsOnlyTheCallersOwnJobs() throws SQLException {
        String owner = newKey();
        String other = newKey();
        String mine = as(owner, "POST", "/api/v1/jobs", aPrimeCountJob().json()).json().get("id").asText();
        String theirs = as(other, "POST", "/api/v1/jobs", aPrimeCountJob().json()).json().get("id").asText();

        Response list = as(owner, "GET", "/api/v1/jobs?limit=100", null);

        assertThat(list.json().get("items").findValuesAsText("id")).containsExactly(mine).doesNotContain(theirs);
    }

    @Test
    void anIdempotencyKeyUsedByAnotherKeyDoesNotAnswerWithItsJob() throws SQLException {
        String owner = newKey();
        String other = newKey();
        String idempotencyKey = UUID.randomUUID().toString();
        Map<String, String> ownerHeaders = Map.of("Authorization", "Bearer " + owner,
                "Idempotency-Key", idempotencyKey);
        Map<String, String> otherHeaders = Map.of("Authorization", "Bearer " + other,
                "Idempotency-Key", idempotencyKey);
        assertThat(api.post("/api/v1/jobs", aPrimeCountJob().json(), ownerHeaders).status()).isEqualTo(202);

        Response response = api.post("/api/v1/jobs", aPrimeCountJob().json(), otherHeaders);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).doesNotContain("\"id\"");
    }

    @Test
    void anotherKeysDalcTaskIsNotFound() throws SQLException {
        String owner = newKey();
        String other = newKey();
        long id = as(owner, "POST", "/tasks", "{\"expression\":\"1 + 1\"}").json().get("id").asLong();

        assertThat(as(other, "GET", "/tasks?id=" + id, null).status()).isEqualTo(404);
        assertThat(as(owner, "GET", "/tasks?id=" + id, null).status()).isEqualTo(200);
    }

    private Response as(String key, String method, String path, String json) {
        return api.send(method, path, json, json == null ? null : ApiClient.JSON, Map.of("Authorization",
                "Bearer " + key));
    }

    private String newKey() throws SQLException {
        return store().create("key-" + UUID.randomUUID()).token();
    }

    private static ApiKeyStore store() {
        return new ApiKeyStore(environment.dataSource());
    }
}
