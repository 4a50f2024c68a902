package io.scatter.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The worker's small HTTP server, for Prometheus and Kubernetes: {@code /metrics} in the Prometheus text format,
 * {@code /health/live} and {@code /health/ready}, each 200 when well and 503 with a one-line JSON reason otherwise.
 */
final class WorkerHttpServer implements AutoCloseable {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger log = LoggerFactory.getLogger(WorkerHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private WorkerHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Listens on {@code endpoint}: {@code metrics} answers {@code /metrics}; {@code live} and {@code ready} say why
     * the worker is not alive or not ready, empty while it is.
     *
     * @throws IOException when the address cannot be bound (in use, or not one of this machine's)
     */
    static WorkerHttpServer start(HttpEndpoint endpoint, Supplier<String> metrics, Supplier<Optional<String>> live,
                                  Supplier<Optional<String>> ready) throws IOException {
        HttpServer server;
        InetSocketAddress address = new InetSocketAddress(endpoint.bindAddress(), endpoint.port());
        if (address.isUnresolved()) {
            throw new IOException("cannot serve HTTP on " + endpoint.bindAddress() + ":" + endpoint.port()
                    + ": unknown host");
        }
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new IOException("cannot serve HTTP on " + endpoint.bindAddress() + ":" + endpoint.port() + ": "
                    + e.getMessage(), e);
        }
        route(server, "/metrics", exchange -> answer(exchange, 200, PROMETHEUS_TEXT, metrics.get()));
        route(server, "/health/live", exchange -> health(exchange, live.get()));
        route(server, "/health/ready", exchange -> health(exchange, ready.get()));
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scatter-worker-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        WorkerHttpServer started = new WorkerHttpServer(server, executor);
        log.info("Serving /metrics, /health/live and /health/ready on http://{}:{}", endpoint.bindAddress(),
                started.port());
        return started;
    }

    /** The port the server listens on (the one picked when asked for port 0). */
    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Serves {@code path} itself with {@code handler}, and anything below it with 404. */
    private static void route(HttpServer server, String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            if (exchange.getRequestURI().getPath().equals(path)) {
                handler.handle(exchange);
            } else {
                answer(exchange, 404, "application/json", "{\"status\":404,\"reason\":\"no such path\"}");
            }
        });
    }

    private static void health(HttpExchange exchange, Optional<String> unwell) throws IOException {
        if (unwell.isEmpty()) {
            answer(exchange, 200, "application/json", "{\"status\":\"UP\"}");
        } else {
            answer(exchange, 503, "application/json", "{\"status\":\"DOWN\",\"reason\":\"" + jsonEscaped(unwell.get())
                    + "\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private static String jsonEscaped(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
