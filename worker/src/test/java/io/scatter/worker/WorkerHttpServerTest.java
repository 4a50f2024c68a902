package io.scatter.worker;

import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskMessage;
import io.scatter.core.jobtype.JobTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerHttpServerTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static TestBroker broker;
    private WorkerMetrics metrics;
    private Worker worker;
    private WorkerHttpServer server;

    @BeforeAll
    static void createVhost() throws Exception {
        broker = TestBroker.inNewVhost();
    }

    @AfterAll
    static void deleteVhost() {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (worker != null) {
            worker.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    @Test
    void aWorkerThatCannotReachTheBrokerIsLiveButNotReadyUntilItStopsThenNeither() throws Exception {
        serve(new WorkerConfig("amqp://guest:guest@127.0.0.1:" + closedPort(), 1, "cut-off", Duration.ZERO));
        Thread starting = new Thread(() -> {
            try {
                worker.start();
            } catch (Exception stoppedWhileConnecting) {
                Thread.currentThread().interrupt();
            }
        });
        starting.start();

        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(ready.body()).isEqualTo("{\"status\":\"DOWN\",\"reason\":\"connecting to the broker\"}");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);

        worker.close();
        starting.join(Duration.ofSeconds(20).toMillis());

        assertThat(get("/health/live").body()).isEqualTo("{\"status\":\"DOWN\",\"reason\":\"the worker is stopping\"}");
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    }

    @Test
    void aConnectedWorkerIsReadyAndItsMetricsMoveAsItComputesATask() throws Exception {
        broker.purge(Channels.TASKS_QUEUE, Channels.RESULTS_QUEUE);
        serve(new WorkerConfig(broker.uri(), 1, "metered", Duration.ofSeconds(5)));
        worker.start();
        assertThat(get("/health/ready").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);

        broker.publishTask(new TaskMessage(UUID.randomUUID(), 0, 1, "prime-count",
                Map.of("from", 0, "to", 99_999, "algorithm", "sieve")));
        assertThat(broker.awaitResult().result().result()).containsEntry("count", 9592);

        String scraped = awaitMetrics(text -> text.contains(
                "scatter_worker_tasks_total{outcome=\"succeeded\",type=\"prime-count\",worker=\"metered\"} 1.0"));
        assertThat(scraped)
                .contains("scatter_worker_numbers_checked_total{type=\"prime-count\",worker=\"metered\"} 100000.0")
                .contains("scatter_worker_task_duration_seconds_count{algorithm=\"sieve\",type=\"prime-count\","
                        + "worker=\"metered\"} 1")
                .contains("scatter_worker_tasks_in_flight{worker=\"metered\"} 0.0");
        assertThat(get("/metrics").headers().firstValue("Content-Type"))
                .hasValue(WorkerHttpServer.PROMETHEUS_TEXT);
    }

    @Test
    void onlyTheThreePathsAreServedAndOnlyToGetAndHead() throws Exception {
        serve(new WorkerConfig("amqp://guest:guest@127.0.0.1:" + closedPort(), 1, "paths", Duration.ZERO));

        assertThat(get("/metrics/extra").statusCode()).isEqualTo(404);
        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(uri("/metrics")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(405);
        assertThat(http.send(HttpRequest.newBuilder(uri("/health/live")).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aPortInUseIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            HttpEndpoint endpoint = new HttpEndpoint("127.0.0.1", taken.getLocalPort());

            assertThatThrownBy(() -> WorkerHttpServer.start(endpoint, () -> "", Optional::empty, Optional::empty))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot serve HTTP on 127.0.0.1:" + taken.getLocalPort() + ": ");
        }
    }

    private void serve(WorkerConfig config) throws IOException {
        metrics = new WorkerMetrics(JobTypes.load(), config.name());
        worker = new Worker(config, JobTypes.load(), metrics);
        server = WorkerHttpServer.start(new HttpEndpoint("127.0.0.1", 0), metrics::scrape, worker::notLive,
                worker::notReady);
    }

    private String awaitMetrics(Predicate<String> moved) throws Exception {
        String scraped = get("/metrics").body();
        for (int i = 0; i < 200 && !moved.test(scraped); i++) {
            Thread.sleep(50);
            scraped = get("/metrics").body();
        }
        assertThat(moved).as("the metrics moved; last scrape:%n%s", scraped).accepts(scraped);
        return scraped;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
