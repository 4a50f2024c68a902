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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client for the API under test, reading the body line by line on a thread of its own as a
 * browser's {@code fetch()} would; closing it hangs up.
 */
public final class EventStreamClient implements AutoCloseable {

    private final HttpResponse<Stream<String>> response;
    private final List<Event> events = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final String body;
    private volatile boolean ended;
    private volatile boolean closed;

    /** One event: its name and its data (the data lines joined). */
    public record Event(String name, String data) {

        public JsonNode json() {
            try {
                return Json.mapper().readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + data, e);
            }
        }
    }

    private EventStreamClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            this.body = null;
            Thread reader = new Thread(this::read, "test-event-stream-reader");
            reader.setDaemon(true);
            reader.start();
        } else {
            try (Stream<String> all = response.body()) {
                this.body = all.collect(Collectors.joining("\n"));
            }
        }
    }

    /**
     * Opens {@code path} on the API at {@code port}, with {@code headers}, and returns once the headers are in; fails
     * if they take longer than 30 s.
     */
    public static EventStreamClient open(int port, String path, Map<String, String> headers) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                .timeout(Poll.TIMEOUT).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            return new EventStreamClient(http.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse("");
    }

    /** The body of an answer that is not a stream (e.g. a problem document). */
    public JsonNode problem() {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (" + status() + "): " + body, e);
        }
    }

    /** The events received so far, in order. */
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** The lines received so far, exactly as sent. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits (within {@link Poll#TIMEOUT}) for an event that matches {@code wanted}, and returns it. */
    public Event awaitEvent(String what, Predicate<Event> wanted) {
        return Poll.until(what, () -> events().stream().filter(wanted).findFirst().orElse(null),
                event -> event != null);
    }

    /** Whether the server has ended the stream. */
    public boolean ended() {
        return ended;
    }

    /** Waits (within {@link Poll#TIMEOUT}) until the server ended the stream, and returns every event it sent. */
    public List<Event> awaitEnd() {
        Poll.until("the server to end the stream", () -> ended, Boolean::booleanValue);
        return events();
    }

    @Override
    public void close() {
        closed = true;
        if (body == null) {
            response.body().close();
        }
    }

    private void read() {
        String name = "message";
        List<String> data = new ArrayList<>();
        try {
            Iterator<String> input = response.body().iterator();
            while (input.hasNext()) {
                String line = input.next();
                synchronized (this) {
                    lines.add(line);
                }
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        synchronized (this) {
                            events.add(new Event(name, String.join("\n", data)));
                        }
                    }
                    name = "message";
                    data.clear();
                } else if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:")) {
                    String value = line.substring("data:".length());
                    data.add(value.startsWith(" ") ? value.substring(1) : value);
                }
            }
            ended = true;
        } catch (RuntimeException e) {
            if (!closed) {
                throw e;
            }
        }
    }
}
