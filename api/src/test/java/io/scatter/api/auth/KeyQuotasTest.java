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

/** With API keys on, each key's jobs in flight are its own: one key at its quota does not hold back another. */
@ApiTest
class KeyQuotasTest {

    static final ApiEnvironment environment = ApiEnvironment.withoutBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
        registry.add("scatter.auth.mode", () -> "api-key");
        registry.add("scatter.quota.jobs-in-flight", () -> "2");
    }

    private final ApiClient api;

    @Autowired
    KeyQuotasTest(@LocalServerPort int port) {
        this.api = new ApiClient(port);
    }

    @Test
    void aKeyAtItsJobsInFlightQuotaDoesNotHoldBackAnotherKey() throws SQLException {
        String busy = newKey();
        String other = newKey();
        assertThat(submit(busy).status()).isEqualTo(202);
        assertThat(submit(busy).status()).isEqualTo(202);

        Response over = submit(busy);
        Response another = submit(other);

        assertThat(over.status()).as(over.toString()).isEqualTo(429);
        assertThat(over.json().get("limit").asText()).isEqualTo("jobs-in-flight");
        assertThat(another.status()).as(another.toString()).isEqualTo(202);
    }

    private Response submit(String key) {
        return api.send("POST", "/api/v1/jobs", aPrimeCountJob().json(), ApiClient.JSON,
                Map.of("Authorization", "Bearer " + key));
    }

    private static String newKey() throws SQLException {
        return new ApiKeyStore(environment.dataSource()).create("quota-" + UUID.randomUUID()).token();
    }
}
