package io.scatter.api.auth;

import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --auth none}: a warning at start, then every request goes through as {@link Caller#ANYONE}. */
@ExtendWith(OutputCaptureExtension.class)
@ApiTest
class AuthenticationOffTest {

    static final ApiEnvironment environment = ApiEnvironment.withoutBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
        registry.add("scatter.auth.mode", () -> "none");
    }

    private final ApiClient api;

    @Autowired
    AuthenticationOffTest(@LocalServerPort int port) {
        this.api = new ApiClient(port);
    }

    @Test
    void theApiWarnsAtStartAndServesRequestsWithoutAKey(CapturedOutput output) {
        String id = api.submit(aPrimeCountJob().json());

        assertThat(api.job(id).get("id").asText()).isEqualTo(id);
        assertThat(api.get("/api/v1/jobs").status()).isEqualTo(200);
        assertThat(output.getAll()).contains("WARN").contains("Authentication is OFF (--auth none)");
    }
}
