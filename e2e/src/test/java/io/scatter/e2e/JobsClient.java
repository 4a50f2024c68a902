package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The jobs API of one Scatter server, over real HTTP, as the tests use it. */
final class JobsClient {

    static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A client of the API at {@code base} that sends {@code apiKey} as a bearer token (none if null). */
    JobsClient(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    URI base() {
        return base;
    }

    /** A request to {@code path} with the API key, for the tests that build their own. */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        return apiKey == null ? request : request.header("Authorization", "Bearer " + apiKey);
    }

    /** POSTs a job and returns its id, checking the Asynchronous Request-Reply answer. */
    String submit(String body) throws Exception {
        HttpResponse<String> response = http.send(request("/api/v1/jobs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new AssertionError("POST answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asText();
    }

    JsonNode job(String id) throws Exception {
        HttpResponse<String> response = get("/api/v1/jobs/" + id);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET job answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    JsonNode awaitFinished(String id) throws Exception {
        return Poll.until("job " + id + " to finish", JOB_TIMEOUT, () -> job(id),
                job -> !List.of("QUEUED", "RUNNING").contains(job.get("status").asText()));
    }

    JsonNode awaitTasksDone(String id, int atLeast) throws Exception {
        return Poll.until(atLeast + " tasks of job " + id + " to be done", JOB_TIMEOUT, () -> job(id),
                job -> job.get("progress").get("tasksDone").asInt() >= atLeast);
    }

    /** Waits until the server lists jobs, failing early with its log if {@code process} exits meanwhile. */
    void awaitAnswering(ScatterProcess process, Duration timeout) throws Exception {
        Poll.until(process.name() + " to answer", timeout, () -> {
            if (!process.isAlive()) {
                throw new AssertionError(process.name() + " exited; log:\n" + process.log());
            }
            try {
                return get("/api/v1/jobs?limit=1").statusCode();
            } catch (ConnectException e) {
                return -1;
            }
        }, status -> status == 200);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
