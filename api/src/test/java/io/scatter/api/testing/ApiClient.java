package io.scatter.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.scatter.messaging.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A plain HTTP client for the API under test. */
public final class ApiClient {

    public static final String JSON = "application/json";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> always;

    public ApiClient(int port) {
        this(port, Map.of());
    }

    private ApiClient(int port, Map<String, String> always) {
        this.base = "http://127.0.0.1:" + port;
        this.always = always;
    }

    /** A client whose every request carries {@code apiKey} as its bearer token. */
    public static ApiClient withKey(int port, String apiKey) {
        return new ApiClient(port, Map.of("Authorization", "Bearer " + apiKey));
    }

    /** An answer: status, headers and body. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body;
        }
    }

    public Response get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null, Map.of());
    }

    public Response post(String path, String json) {
        return send("POST", path, json, JSON, Map.of());
    }

    public Response post(String path, String json, Map<String, String> headers) {
        return send("POST", path, json, JSON, headers);
    }

    /** Submits a job and returns its id, failing unless it was accepted. */
    public String submit(String json) {
        Response response = post("/api/v1/jobs", json);
        if (response.status() != 202) {
            throw new AssertionError("submission not accepted: " + response);
        }
        return response.json().get("id").asText();
    }

    /** The document of job {@code id}. */
    public JsonNode job(String id) {
        Response response = get("/api/v1/jobs/" + id);
        if (response.status() != 200) {
            throw new AssertionError("job " + id + " not readable: " + response);
        }
        return response.json();
    }

    /** Any request; {@code body} and {@code contentType} may be null. */
    public Response send(String method, String path, String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        always.forEach(request::header);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
