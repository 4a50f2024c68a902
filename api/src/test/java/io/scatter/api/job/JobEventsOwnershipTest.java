package io.scatter.api.job;

import io.scatter.api.auth.TestKeys;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.EventStreamClient;
import io.scatter.api.testing.EventStreamClient.Event;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.SQLException;
import java.util.Map;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static org.assertj.core.api.Assertions.assertThat;

/** With API keys on, the event streams show a caller only its own jobs, as the GETs do, and need a key at all. */
@ApiTest
class JobEventsOwnershipTest {

    static final ApiEnvironment environment = ApiEnvironment.withoutBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
        registry.add("scatter.auth.mode", () -> "api-key");
        registry.add("scatter.auth.cache-ttl", () -> "0s");
        // no keep-alive comes in time to carry the headers of a stream that has nothing to send yet
        registry.add("scatter.events.keep-alive", () -> "10m");
    }

    private final int port;

    @Autowired
    JobEventsOwnershipTest(@LocalServerPort int port) {
        this.port = port;
    }

    @Test
    void aJobOfAnotherKeyIsNotFoundWhileItsOwnerCanFollowIt() throws SQLException {
        String owner = TestKeys.create(environment.dataSource(), "owner");
        String other = TestKeys.create(environment.dataSource(), "other");
        String id = ApiClient.withKey(port, owner).submit(aPrimeCountJob().json());

        try (EventStreamClient others = follow(other, "/api/v1/jobs/" + id + "/events");
             EventStreamClient owners = follow(owner, "/api/v1/jobs/" + id + "/events")) {
            assertThat(others.status()).isEqualTo(404);
            assertThat(others.header("Content-Type")).startsWith("application/problem+json");
            assertThat(owners.status()).isEqualTo(200);
            owners.awaitEvent("the owner's job", event -> isJob(event, id));
        }
    }

    @Test
    void theListStreamShowsOnlyTheCallersOwnJobs() throws SQLException {
        String mine = TestKeys.create(environment.dataSource(), "mine");
        String theirs = TestKeys.create(environment.dataSource(), "theirs");
        String theirEarlierJob = ApiClient.withKey(port, theirs).submit(aPrimeCountJob().json());

        try (EventStreamClient stream = follow(mine, "/api/v1/jobs/events")) {
            assertThat(stream.status()).isEqualTo(200);
            String theirJob = ApiClient.withKey(port, theirs).submit(aPrimeCountJob().json());
            String myJob = ApiClient.withKey(port, mine).submit(aPrimeCountJob().json());

            stream.awaitEvent("my new job", event -> isJob(event, myJob));

            assertThat(stream.events()).extracting(event -> event.json().get("id").asText())
                    .doesNotContain(theirEarlierJob, theirJob);
        }
    }

    @Test
    void aCallerWithoutJobsGetsTheListStreamAtOnce() throws SQLException {
        String key = TestKeys.create(environment.dataSource(), "no-jobs");

        try (EventStreamClient stream = follow(key, "/api/v1/jobs/events")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            assertThat(stream.events()).isEmpty();
        }
    }

    @Test
    void aStreamWithoutAKeyIsRefusedWith401() {
        try (EventStreamClient stream = EventStreamClient.open(port, "/api/v1/jobs/events", Map.of())) {
            assertThat(stream.status()).isEqualTo(401);
            assertThat(stream.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    private EventStreamClient follow(String key, String path) {
        return EventStreamClient.open(port, path, Map.of("Authorization", "Bearer " + key));
    }

    private static boolean isJob(Event event, String id) {
        return event.name().equals("job") && event.json().get("id").asText().equals(id);
    }
}
