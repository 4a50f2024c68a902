package io.scatter.api.problem;

import com.fasterxml.jackson.databind.JsonNode;
import io.scatter.api.auth.TestKeys;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.Poll;
import io.scatter.api.testing.RawHttp;
import io.scatter.api.testing.RawHttp.Answer;
import io.scatter.api.testing.RunningApi;
import io.scatter.messaging.Json;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated and mutated requests to every endpoint: none gets a 5xx, every error is a problem document,
 * and afterwards the API is alive and the jobs stored before are unchanged. The seed is fixed; the number of tries
 * per property is {@code jqwik.tries.default} (docs/security.md#fuzzing has the longer run).
 */
class HttpFuzzTest {

    private static final String SEED = "20261126";
    private static final String SNAPSHOT = "SELECT j::text FROM jobs j WHERE id::text = ANY (?) ORDER BY id";
    private static final String TASKS_SNAPSHOT =
            "SELECT t::text FROM tasks t WHERE job_id::text = ANY (?) ORDER BY job_id, task_index";

    /** HTTP's answer to a method the server does not know, which Tomcat gives CONNECT. */
    private static final int NOT_IMPLEMENTED = 501;

    private static RunningApi api;
    private static List<Map.Entry<String, String>> credentials;
    /** Answers below 300 from the jobs API: the credentials let generated requests through to it. */
    private static final AtomicInteger SUCCESSES = new AtomicInteger();
    private static List<String> storedIds;
    private static List<String> snapshotBefore;

    @BeforeContainer
    static void startTheApiWithSomeJobs() throws SQLException {
        api = RunningApi.start(ApiEnvironment.withBroker());
        String key = TestKeys.create(api.dataSource(), "fuzz");
        credentials = List.of(Map.entry("Authorization", "Bearer " + key));
        ApiClient client = ApiClient.withKey(api.port(), key);
        Poll.until("the API to be ready", () -> client.get("/actuator/health/readiness").status(),
                status -> status == 200);
        storedIds = new ArrayList<>();
        storedIds.add(client.submit(aPrimeCountJob().json()));
        storedIds.add(client.submit(aPrimeCountJob().from(100).to(5_000).tasks(2).algorithm("trial-division").json()));
        String cancelled = client.submit(aPrimeCountJob().to(1_000).json());
        client.delete("/api/v1/jobs/" + cancelled);
        storedIds.add(cancelled);
        snapshotBefore = snapshot();
    }

    @AfterContainer
    static void stopTheApi() throws SQLException {
        try {
            assertThat(SUCCESSES.get()).as("answers below 300: the requests got past authentication").isPositive();
        } finally {
            if (api != null) {
                api.close();
            }
        }
    }

    @Property(seed = SEED)
    void noJobSubmissionGetsAServerErrorOrAnErrorThatIsNoProblem(@ForAll("jobSubmissions") FuzzRequest request) {
        assertAnsweredWell(request);
    }

    @Property(seed = SEED)
    void noDalcSubmissionGetsAServerErrorOrAnErrorThatIsNoProblem(@ForAll("dalcSubmissions") FuzzRequest request) {
        assertAnsweredWell(request);
    }

    @Property(seed = SEED)
    void noReadGetsAServerErrorOrAnErrorThatIsNoProblem(@ForAll("reads") FuzzRequest request) {
        assertAnsweredWell(request);
    }

    @Property(seed = SEED)
    void noOtherMethodGetsAServerErrorOrAnErrorThatIsNoProblem(@ForAll("writes") FuzzRequest request) {
        assertAnsweredWell(request);
    }

    @Property(seed = SEED)
    void noBrokenRequestGetsAServerErrorOrAnErrorThatIsNoProblem(@ForAll("brokenRequests") FuzzRequest request) {
        assertAnsweredWell(request);
    }

    @AfterProperty
    void theApiStaysAliveAndTheStoredJobsAreUnchanged() throws SQLException {
        assertThat(new ApiClient(api.port()).get("/actuator/health/liveness").json().path("status").asText())
                .isEqualTo("UP");
        assertThat(snapshot()).isEqualTo(snapshotBefore);
    }

    @Provide
    Arbitrary<FuzzRequest> jobSubmissions() {
        return FuzzRequests.jobSubmissions();
    }

    @Provide
    Arbitrary<FuzzRequest> dalcSubmissions() {
        return FuzzRequests.dalcSubmissions();
    }

    @Provide
    Arbitrary<FuzzRequest> reads() {
        return FuzzRequests.reads(storedIds);
    }

    @Provide
    Arbitrary<FuzzRequest> writes() {
        return FuzzRequests.writes();
    }

    @Provide
    Arbitrary<FuzzRequest> brokenRequests() {
        return FuzzRequests.brokenRequests();
    }

    private static void assertAnsweredWell(FuzzRequest request) {
        Answer answer = RawHttp.exchange(api.port(), request.bytes(credentials));
        if (answer.status() < 300 && request.target().startsWith("/api/v1/jobs")) {
            SUCCESSES.incrementAndGet();
        }

        if (request.method().equals("CONNECT")) {
            assertThat(answer.status()).as("%s -> %s", request, answer).isIn(NOT_IMPLEMENTED, 400, 405);
        } else {
            assertThat(answer.status()).as("%s -> %s", request, answer).isLessThan(500);
        }
        if (answer.status() >= 400 && !request.method().equals("HEAD")) {
            assertThat(answer.contentType()).as("%s -> %s", request, answer).startsWith("application/problem+json");
            JsonNode problem = parse(request, answer);
            assertThat(problem.path("status").asInt()).as("%s -> %s", request, answer).isEqualTo(answer.status());
            assertThat(problem.path("title").asText()).as("%s -> %s", request, answer).isNotBlank();
        }
    }

    private static JsonNode parse(FuzzRequest request, Answer answer) {
        try {
            return Json.mapper().readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("not a JSON problem: " + request + " -> " + answer, e);
        }
    }

    private static List<String> snapshot() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = api.dataSource().getConnection()) {
            for (String query : List.of(SNAPSHOT, TASKS_SNAPSHOT)) {
                try (PreparedStatement statement = connection.prepareStatement(query)) {
                    statement.setArray(1, connection.createArrayOf("text", storedIds.toArray()));
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            rows.add(result.getString(1));
                        }
                    }
                }
            }
        }
        return rows;
    }
}
