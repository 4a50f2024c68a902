package io.scatter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Scatter HTTP API as Java calls: each returns the JSON answer or throws a one-line reason. */
final class ApiClient {

    static final String JOBS = "/api/v1/jobs";
    static final String WORKERS = "/api/v1/workers";
    static final String DEAD_LETTERS = "/api/v1/dead-letters";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String ACCEPT = "application/json, application/problem+json";

    private final URI server;
    private final String apiKey;
    private final HttpClient http;
    private final ObjectMapper json;

    /** A client of the API at {@code server} that sends {@code apiKey} as a bearer token, unless it is null. */
    ApiClient(URI server, String apiKey, ObjectMapper json) {
        this.server = server;
        this.apiKey = apiKey;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** An answer: its JSON body (a missing node when empty) and how long the server asked us to wait. */
    record Answer(JsonNode body, Optional<Duration> retryAfter) {
    }

    /** POST /api/v1/jobs; the answer is the accepted job. */
    Answer submit(JsonNode request, String idempotencyKey)
            throws ApiException, UnreachableException, InterruptedException {
        HttpRequest.Builder builder = request(JOBS)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString(), StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return send(builder.build());
    }

    /** GET /api/v1/jobs/{id}. */
    Answer job(String id) throws ApiException, UnreachableException, InterruptedException {
        return send(request(JOBS + "/" + encode(id)).GET().build());
    }

    /** GET /api/v1/jobs: one page of jobs, newest first, optionally filtered by status. */
    Answer jobs(String status, Long limit, String cursor)
            throws ApiException, UnreachableException, InterruptedException {
        List<String> query = new ArrayList<>();
        if (status != null) {
            query.add("status=" + encode(status));
        }
        if (limit != null) {
            query.add("limit=" + limit);
        }
        if (cursor != null) {
            query.add("cursor=" + encode(cursor));
        }
        String path = query.isEmpty() ? JOBS : JOBS + "?" + String.join("&", query);
        return send(request(path).GET().build());
    }

    /** DELETE /api/v1/jobs/{id}: cancels the job; the answer is the cancelled job. */
    Answer cancel(String id) throws ApiException, UnreachableException, InterruptedException {
        return send(request(JOBS + "/" + encode(id)).DELETE().build());
    }

    /** GET /api/v1/workers: the workers the API knows of. */
    Answer workers() throws ApiException, UnreachableException, InterruptedException {
        return send(request(WORKERS).GET().build());
    }

    /** GET /api/v1/dead-letters: one page of dead letters, newest first, optionally of one job or status. */
    Answer deadLetters(String jobId, String status, Long limit, String cursor)
            throws ApiException, UnreachableException, InterruptedException {
        List<String> query = new ArrayList<>();
        if (jobId != null) {
            query.add("jobId=" + encode(jobId));
        }
        if (status != null) {
            query.add("status=" + encode(status));
        }
        if (limit != null) {
            query.add("limit=" + limit);
        }
        if (cursor != null) {
            query.add("cursor=" + encode(cursor));
        }
        String path = query.isEmpty() ? DEAD_LETTERS : DEAD_LETTERS + "?" + String.join("&", query);
        return send(request(path).GET().build());
    }

    /** POST /api/v1/dead-letters/{id}/retry: puts the task back; the answer is the dead letter, job and tasks. */
    Answer retryDeadLetter(String id) throws ApiException, UnreachableException, InterruptedException {
        return send(request(DEAD_LETTERS + "/" + encode(id) + "/retry")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    String server() {
        return server.toString();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", ACCEPT)
                .header("User-Agent", "scatter-cli");
        return apiKey == null ? builder : builder.header("Authorization", "Bearer " + apiKey);
    }

    private Answer send(HttpRequest request) throws ApiException, UnreachableException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UnreachableException("cannot reach the Scatter API at " + server + ": " + reason(e), e);
        }
        if (response.statusCode() >= 400) {
            String message = Problems.describe(response.statusCode(), response.body(), json);
            if (response.statusCode() == 401) {
                message = "the Scatter API at " + server + " refused the request: " + message + (apiKey == null
                        ? "; set " + CliContext.API_KEY_VARIABLE + " to a key from 'scatter keys create --name NAME'"
                        : "; check " + CliContext.API_KEY_VARIABLE);
            }
            String field = response.statusCode() < 500 ? Problems.field(response.body(), json) : null;
            throw new ApiException(response.statusCode(), message, field, retryAfter(response));
        }
        return new Answer(parse(response), retryAfter(response));
    }

    private JsonNode parse(HttpResponse<String> response) throws ApiException {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return json.missingNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new ApiException(response.statusCode(),
                    "the Scatter API answered HTTP " + response.statusCode() + " with a body that is not JSON",
                    null, Optional.empty());
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.trim().matches("\\d{1,9}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.trim())));
    }

    private String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "unknown host " + server.getHost();
            }
            if (cause instanceof HttpConnectTimeoutException) {
                return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
            }
            if (cause instanceof HttpTimeoutException) {
                return "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage().replaceAll("\\s+", " ").trim();
            }
        }
        return failure instanceof ConnectException ? "connection refused" : failure.getClass().getSimpleName();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
