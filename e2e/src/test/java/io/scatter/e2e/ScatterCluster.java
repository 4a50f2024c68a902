package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scatter.messaging.testing.TestVhost;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One API and some workers started from the built jars as separate OS processes, on a PostgreSQL schema and a
 * RabbitMQ virtual host of their own.
 */
final class ScatterCluster implements AutoCloseable {

    static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);
    private static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final Path ROOT = Path.of(System.getProperty("scatter.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String schema;
    private final TestVhost vhost;
    private final Path logs;
    private final int workerConcurrency;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ScatterProcess> workers = new ArrayList<>();
    private final List<ScatterProcess> apis = new ArrayList<>();
    private final List<String> apiArguments;
    private URI base;

    private ScatterCluster(String schema, TestVhost vhost, Path logs, int workerConcurrency,
                           List<String> apiArguments) {
        this.schema = schema;
        this.vhost = vhost;
        this.logs = logs;
        this.workerConcurrency = workerConcurrency;
        this.apiArguments = apiArguments;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds a cluster: how many API replicas and workers, with how many compute threads each. */
    static final class Builder {
        private int apis = 1;
        private int workers = 2;
        private int workerConcurrency = 1;
        private final List<String> apiArguments = new ArrayList<>();

        Builder apis(int count) {
            this.apis = count;
            return this;
        }

        /** Extra arguments for every API replica, e.g. {@code --scatter.outbox.batch-size=10}. */
        Builder apiArgument(String argument) {
            this.apiArguments.add(argument);
            return this;
        }

        Builder workers(int count) {
            this.workers = count;
            return this;
        }

        Builder workerConcurrency(int threads) {
            this.workerConcurrency = threads;
            return this;
        }

        ScatterCluster start() throws Exception {
            String schema = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection connection = DriverManager.getConnection(DATABASE, "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            Path logs = Files.createDirectories(ROOT.resolve("e2e/target/e2e-logs/" + schema));
            ScatterCluster cluster = new ScatterCluster(schema, TestVhost.create("e2e"), logs, workerConcurrency,
                    List.copyOf(apiArguments));
            try {
                for (int i = 1; i <= apis; i++) {
                    cluster.startApi("api-" + i);
                }
                for (int i = 1; i <= workers; i++) {
                    cluster.startWorker("worker-" + i);
                }
                return cluster;
            } catch (Exception | AssertionError e) {
                cluster.close();
                throw e;
            }
        }
    }

    /** Starts an API replica; the first one started is the one {@link #submit} and {@link #job} talk to. */
    void startApi(String name) throws Exception {
        int port = freePort();
        List<String> arguments = new ArrayList<>(List.of("--port", Integer.toString(port),
                "--rabbitmq", vhost.uri(),
                "--database", DATABASE + "?currentSchema=" + schema));
        arguments.addAll(apiArguments);
        ScatterProcess api = ScatterProcess.start(name, ROOT.resolve("api/target/scatter-api.jar"), logs,
                arguments.toArray(String[]::new));
        apis.add(api);
        URI replica = URI.create("http://127.0.0.1:" + port);
        Poll.until(name + " to answer", Duration.ofMinutes(2), () -> {
            if (!api.isAlive()) {
                throw new AssertionError(name + " exited; log:\n" + api.log());
            }
            try {
                return get(replica, "/api/v1/jobs?limit=1").statusCode();
            } catch (ConnectException e) {
                return -1;
            }
        }, status -> status == 200);
        if (base == null) {
            base = replica;
        }
    }

    ScatterProcess startWorker(String name) throws Exception {
        ScatterProcess worker = ScatterProcess.start(name, ROOT.resolve("worker/target/scatter-worker.jar"), logs,
                "--rabbitmq", vhost.uri(), "--name", name,
                "--concurrency", Integer.toString(workerConcurrency));
        workers.add(worker);
        worker.awaitLog("consuming scatter.tasks", Duration.ofMinutes(1));
        return worker;
    }

    List<ScatterProcess> apis() {
        return apis;
    }

    TestVhost vhost() {
        return vhost;
    }

    List<ScatterProcess> workers() {
        return workers;
    }

    /** POSTs a job and returns its id, checking the Asynchronous Request-Reply answer. */
    String submit(String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/jobs"))
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

    /** The highest attempt number recorded for any task of the job (2 or more means a task was redelivered). */
    int maxAttempts(String jobId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DATABASE + "?currentSchema=" + schema, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT coalesce(max(attempts), 0) FROM tasks WHERE job_id = '" + UUID.fromString(jobId) + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** How many outbox rows are not yet confirmed by the broker. */
    long unsentOutboxRows() throws SQLException {
        try (Connection connection = DriverManager.getConnection(DATABASE + "?currentSchema=" + schema, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(base, path);
    }

    private HttpResponse<String> get(URI server, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        for (ScatterProcess worker : workers) {
            worker.close();
        }
        for (ScatterProcess api : apis) {
            api.close();
        }
        vhost.close();
        try (Connection connection = DriverManager.getConnection(DATABASE, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
