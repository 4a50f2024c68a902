package io.scatter.api.quota;

import io.micrometer.core.instrument.MeterRegistry;
import io.scatter.api.testing.AdjustableClock;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiClient.Response;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.EventStreamClient;
import io.scatter.api.testing.TestCallers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static org.assertj.core.api.Assertions.assertThat;

/** The requests-per-second quota over HTTP, on a clock that stands still until a test moves it. */
@ApiTest
@Import({TestCallers.class, RateLimitTest.StillClock.class})
@TestPropertySource(properties = {"scatter.quota.requests-per-second=1", "scatter.quota.burst=3"})
class RateLimitTest {

    static final ApiEnvironment environment = ApiEnvironment.withoutBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
    }

    @TestConfiguration
    static class StillClock {

        @Bean
        @Primary
        AdjustableClock stillClock() {
            return AdjustableClock.fixedAt(Instant.parse("2026-01-01T00:00:00Z"));
        }
    }

    private static final String JOBS = "/api/v1/jobs";

    private final int port;
    private final ApiClient api;
    private final AdjustableClock clock;
    private final MeterRegistry registry;
    private final JdbcClient jdbc;

    @Autowired
    RateLimitTest(@LocalServerPort int port, AdjustableClock clock, MeterRegistry registry, JdbcClient jdbc) {
        this.port = port;
        this.api = new ApiClient(port);
        this.clock = clock;
        this.registry = registry;
        this.jdbc = jdbc;
    }

    private Response list(String caller) {
        return api.send("GET", JOBS, null, null, TestCallers.as(caller));
    }

    private void useBurst(String caller) {
        for (int i = 0; i < 3; i++) {
            assertThat(list(caller).status()).as("request %d of the burst", i + 1).isEqualTo(200);
        }
    }

    @Test
    void aRequestPastTheBurstGets429WithRetryAfterAndTheLimitNamed() {
        useBurst("burst");
        double before = registry.counter(QuotaRejections.METRIC, "limit", "requests-per-second").count();

        Response over = list("burst");

        assertThat(over.status()).as(over.toString()).isEqualTo(429);
        assertThat(over.contentType()).startsWith("application/problem+json");
        assertThat(over.header("Retry-After")).contains("1");
        assertThat(over.json().get("limit").asText()).isEqualTo("requests-per-second");
        assertThat(over.json().get("quota").asLong()).isEqualTo(1);
        assertThat(over.json().get("retryAfter").asLong()).isEqualTo(1);
        assertThat(over.json().get("detail").asText()).isEqualTo("more than 1 requests a second (bursts of up to 3) "
                + "from API key 'burst'; retry after 1 s");
        assertThat(registry.counter(QuotaRejections.METRIC, "limit", "requests-per-second").count())
                .isEqualTo(before + 1);
    }

    @Test
    void anEventStreamCountsAsOneRequestFromOpeningToItsEnd() {
        String id = api.send("POST", JOBS, aPrimeCountJob().json(), ApiClient.JSON, TestCallers.as("streamer")).json()
                .get("id").asText();
        try (EventStreamClient stream = EventStreamClient.open(port, JOBS + "/" + id + "/events",
                TestCallers.as("streamer"))) {
            assertThat(api.delete(JOBS + "/" + id).status()).as("cancelled by anyone").isEqualTo(200);
            stream.awaitEnd();
        }

        assertThat(list("streamer").status()).as("the third request of the burst").isEqualTo(200);
        assertThat(list("streamer").status()).isEqualTo(429);
    }

    @Test
    void twoCallersAreLimitedIndependently() {
        useBurst("first");
        assertThat(list("first").status()).isEqualTo(429);

        assertThat(list("second").status()).isEqualTo(200);
        assertThat(api.get(JOBS).status()).as("anyone, without a key").isEqualTo(200);
    }

    @Test
    void aCallerIsLetInAgainAsTokensComeBack() {
        useBurst("patient");
        assertThat(list("patient").status()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(1));

        assertThat(list("patient").status()).isEqualTo(200);
        assertThat(list("patient").status()).isEqualTo(429);
    }

    @Test
    void aRejectedSubmissionStoresNothing() {
        useBurst("submitter");
        long jobs = jdbc.sql("SELECT count(*) FROM jobs").query(Long.class).single();

        Response over = api.post(JOBS, aPrimeCountJob().json(), TestCallers.as("submitter"));

        assertThat(over.status()).as(over.toString()).isEqualTo(429);
        assertThat(jdbc.sql("SELECT count(*) FROM jobs").query(Long.class).single()).isEqualTo(jobs);
    }

    @Test
    void healthProbesAndMetricsAreNotLimited() {
        useBurst("operator");
        assertThat(list("operator").status()).isEqualTo(429);

        Map<String, String> operator = TestCallers.as("operator");
        assertThat(api.send("GET", "/actuator/health/liveness", null, null, operator).status()).isEqualTo(200);
        assertThat(api.send("GET", "/actuator/prometheus", null, null, operator).status()).isEqualTo(200);
    }
}
