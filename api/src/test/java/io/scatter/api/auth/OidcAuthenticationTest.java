package io.scatter.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiClient.Response;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static org.assertj.core.api.Assertions.assertThat;

/** OIDC JWTs beside API keys, from a test-local issuer: each check that can fail, ownership, and key rotation. */
@ApiTest
class OidcAuthenticationTest {

    static final ApiEnvironment environment = ApiEnvironment.withoutBroker();
    static final TestIssuer issuer = TestIssuer.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
        registry.add("scatter.auth.mode", () -> "api-key");
        registry.add("scatter.auth.oidc-issuer", issuer::url);
        registry.add("scatter.auth.oidc-audience", () -> "scatter-api");
        registry.add("scatter.auth.oidc-keys-refresh-interval", () -> "0s");
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    private final ApiClient api;

    @Autowired
    OidcAuthenticationTest(@LocalServerPort int port) {
        this.api = new ApiClient(port);
    }

    @Test
    void aValidTokenIsLetInAndItsJobIsItsOwn() {
        String token = issuer.aToken().subject("subject-" + UUID.randomUUID()).serialize();

        Response submitted = as(token, "POST", "/api/v1/jobs", aPrimeCountJob().json());

        assertThat(submitted.status()).isEqualTo(202);
        String id = submitted.json().get("id").asText();
        assertThat(as(token, "GET", "/api/v1/jobs/" + id, null).status()).isEqualTo(200);
        assertThat(as(token, "GET", "/api/v1/jobs?limit=100", null).json().get("items").findValuesAsText("id"))
                .containsExactly(id);
    }

    @Test
    void anotherSubjectOrAnApiKeyGetsNotFoundForASubjectsJob() throws SQLException {
        String owner = issuer.aToken().subject("owner-" + UUID.randomUUID()).serialize();
        String otherSubject = issuer.aToken().subject("other-" + UUID.randomUUID()).serialize();
        String key = new ApiKeyStore(environment.dataSource()).create("key-" + UUID.randomUUID()).token();
        String id = as(owner, "POST", "/api/v1/jobs", aPrimeCountJob().json()).json().get("id").asText();
        String keysJob = as(key, "POST", "/api/v1/jobs", aPrimeCountJob().json()).json().get("id").asText();

        assertThat(as(otherSubject, "GET", "/api/v1/jobs/" + id, null).status()).isEqualTo(404);
        assertThat(as(otherSubject, "DELETE", "/api/v1/jobs/" + id, null).status()).isEqualTo(404);
        assertThat(as(key, "GET", "/api/v1/jobs/" + id, null).status()).isEqualTo(404);
        assertThat(as(owner, "GET", "/api/v1/jobs/" + keysJob, null).status()).isEqualTo(404);
        assertThat(as(owner, "GET", "/api/v1/jobs/" + id, null).status()).isEqualTo(200);
    }

    @Test
    void anApiKeyStillWorksWithAnIssuerConfigured() throws SQLException {
        String key = new ApiKeyStore(environment.dataSource()).create("key-" + UUID.randomUUID()).token();

        assertThat(as(key, "GET", "/api/v1/jobs", null).status()).isEqualTo(200);
    }

    @Test
    void anExpiredTokenIsRefusedSayingSoWithoutEchoingIt() {
        String token = issuer.aToken().expires(Instant.now().minus(Duration.ofMinutes(5))).serialize();

        Response response = as(token, "GET", "/api/v1/jobs", null);

        assertRefused(response, "the token has expired");
        assertThat(response.body()).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        assertThat(api.get("/actuator/prometheus").body()).containsPattern(
                "scatter_auth_refused_total\\{[^}]*reason=\"expired\"[^}]*} [1-9]");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        String token = issuer.aToken().issuer("https://login.example.com/realms/other").serialize();

        assertRefused(as(token, "GET", "/api/v1/jobs", null), "the token was not issued by the configured OIDC issuer");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = issuer.aToken().audience("another-api").serialize();

        assertRefused(as(token, "GET", "/api/v1/jobs", null), "the token's audience does not include this API");
    }

    @Test
    void aTokenSignedByAnotherKeyWithTheIssuersKeyIdIsRefused() throws JOSEException {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(issuer.signingKey().getKeyID()).generate();
        String token = issuer.aToken().signedWith(impostor).serialize();

        assertRefused(as(token, "GET", "/api/v1/jobs", null),
                "the token's signature does not match any key of the issuer");
    }

    @Test
    void aTokenWithAnUnknownKeyIdIsRefusedUntilTheIssuerPublishesTheKey() {
        assertThat(as(issuer.aToken().serialize(), "GET", "/api/v1/jobs", null).status()).isEqualTo(200);
        RSAKey rotated = TestIssuer.newKey();
        String token = issuer.aToken().signedWith(rotated).serialize();
        int readsBefore = issuer.keySetReads();

        assertRefused(as(token, "GET", "/api/v1/jobs", null),
                "the token's signature does not match any key of the issuer");
        assertThat(issuer.keySetReads()).isGreaterThan(readsBefore);

        issuer.rotateTo(rotated);

        assertThat(as(token, "GET", "/api/v1/jobs", null).status()).isEqualTo(200);
    }

    private static void assertRefused(Response response, String detail) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        assertThat(response.json().get("detail").asText()).isEqualTo(detail);
    }

    private Response as(String token, String method, String path, String json) {
        return api.send(method, path, json, json == null ? null : ApiClient.JSON, Map.of("Authorization",
                "Bearer " + token));
    }
}
