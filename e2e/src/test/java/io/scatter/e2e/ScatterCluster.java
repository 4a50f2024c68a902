package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One API and some workers started from the built jars as separate OS processes, on a PostgreSQL schema and a
 * RabbitMQ virtual host of their own (on the machine's RabbitMQ unless {@link Builder#rabbitmq} says otherwise).
 */
final class ScatterCluster implements AutoCloseable {

    private static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String schema;
    private final String apiKey;
    private final String apiDatabase;
    private final BrokerVhost vhost;
    private final Path logs;
    private final int workerConcurrency;
    private final List<ScatterProcess> workers = new ArrayList<>();
    private final List<ScatterProcess> apis = new ArrayList<>();
    private final List<Integer> apiPorts = new ArrayList<>();
    private final List<String> apiArguments;
    private final List<String> workerArguments;
    private final String workerBrokerQuery;
    private final Map<String, String> environment;
    private JobsClient client;

    private ScatterCluster(String schema, String apiKey, BrokerVhost vhost, Path logs, int workerConcurrency,
                           List<String> apiArguments, List<String> workerArguments, String workerBrokerQuery,
                           String apiDatabase, Map<String, String> environment) {
        this.schema = schema;
        this.apiKey = apiKey;
        this.apiDatabase = apiDatabase;
        this.vhost = vhost;
        this.logs = logs;
        this.workerConcurrency = workerConcurrency;
        this.apiArguments = apiArguments;
        this.workerArguments = workerArguments;
        this.workerBrokerQuery = workerBrokerQuery;
        this.environment = environment;
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
        private final List<String> workerArguments = new ArrayList<>();
        private String workerBrokerQuery = "";
        private String apiDatabase = DATABASE;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<PrefixedWorker> prefixedWorkers = new ArrayList<>();

        /** A worker started after the others, by {@link #worker(String, List, InetSocketAddress)}. */
        private record PrefixedWorker(String name, List<String> prefix, InetSocketAddress broker) {
        }
        private Supplier<BrokerVhost> vhost = () -> BrokerVhost.local("e2e");

        Builder apis(int count) {
            this.apis = count;
            return this;
        }

        /** Where the API replicas reach PostgreSQL (e.g. a relay) instead of at the local server's address. */
        Builder apiDatabase(InetSocketAddress address) {
            this.apiDatabase = "jdbc:postgresql://" + address.getHostString() + ":" + address.getPort() + "/test";
            return this;
        }

        /** Extra arguments for every API replica, e.g. {@code --scatter.outbox.batch-size=10}. */
        Builder apiArgument(String argument) {
            this.apiArguments.add(argument);
            return this;
        }

        /** Extra arguments for every worker, e.g. {@code --plugins} and a path. */
        /** A query for every worker's RabbitMQ URI, e.g. {@code heartbeat=0} to turn AMQP heartbeats off. */
        Builder workerBrokerQuery(String query) {
            this.workerBrokerQuery = query;
            return this;
        }

        Builder workerArguments(String... arguments) {
            this.workerArguments.addAll(List.of(arguments));
            return this;
        }

        /** Environment variables for every API replica and worker, e.g. {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
        Builder environment(Map<String, String> variables) {
            this.environment.putAll(variables);
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

        /**
         * One more worker, started after the others, whose command is prefixed by {@code prefix} (e.g.
         * {@code ip netns exec NS}) and which reaches RabbitMQ at {@code broker} (e.g. a relay) instead of at the
         * local broker's address.
         */
        Builder worker(String name, List<String> prefix, InetSocketAddress broker) {
            this.prefixedWorkers.add(new PrefixedWorker(name, List.copyOf(prefix), broker));
            return this;
        }

        /** Makes the virtual host the cluster runs in, e.g. on another RabbitMQ; removed when the cluster closes. */
        Builder rabbitmq(Supplier<BrokerVhost> virtualHost) {
            this.vhost = virtualHost;
            return this;
        }

        ScatterCluster start() throws Exception {
            String schema = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection connection = DriverManager.getConnection(DATABASE, "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            Path logs = Files.createDirectories(ScatterProcess.ROOT.resolve("e2e/target/e2e-logs/" + schema));
            String apiKey = createApiKey(DATABASE + "?currentSchema=" + schema);
            ScatterCluster cluster = new ScatterCluster(schema, apiKey, vhost.get(), logs, workerConcurrency,
                    List.copyOf(apiArguments), List.copyOf(workerArguments), workerBrokerQuery, apiDatabase,
                    Map.copyOf(environment));
            try {
                for (int i = 1; i <= apis; i++) {
                    cluster.startApi("api-" + i);
                }
                for (int i = 1; i <= workers; i++) {
                    cluster.startWorker("worker-" + i);
                }
                for (PrefixedWorker worker : prefixedWorkers) {
                    cluster.startWorker(worker.name(), worker.prefix(), worker.broker());
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
        int port = ScatterProcess.freePort();
        apis.add(startApi(name, port));
        apiPorts.add(port);
    }

    /**
     * Starts a new process in place of API replica {@code index} (which must have exited, e.g. after
     * {@link ScatterProcess#kill()}) on the same port, so that clients of the old one reach the new one.
     */
    ScatterProcess restartApi(int index, String name) throws Exception {
        if (apis.get(index).isAlive()) {
            throw new IllegalStateException(apis.get(index).name() + " is still running");
        }
        ScatterProcess api = startApi(name, apiPorts.get(index));
        apis.set(index, api);
        return api;
    }

    private ScatterProcess startApi(String name, int port) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--port", Integer.toString(port),
                "--rabbitmq", vhost.uri(),
                "--database", apiDatabase + "?currentSchema=" + schema));
        arguments.addAll(apiArguments);
        ScatterProcess api = ScatterProcess.start(name, List.of(),
                ScatterProcess.ROOT.resolve("api/target/scatter-api-exec.jar"), logs, environment,
                arguments.toArray(String[]::new));
        JobsClient replica = new JobsClient(URI.create("http://127.0.0.1:" + port), apiKey);
        try {
            replica.awaitAnswering(api, Duration.ofMinutes(2));
        } catch (Exception | AssertionError e) {
            api.close();
            throw e;
        }
        if (client == null) {
            client = replica;
        }
        return api;
    }

    ScatterProcess startWorker(String name) throws Exception {
        return startWorker(name, List.of(), vhost.uri());
    }

    /**
     * Starts a worker as {@code prefix… java -jar …} that reaches this cluster's virtual host at {@code broker}
     * instead of at the local broker's address.
     */
    ScatterProcess startWorker(String name, List<String> prefix, InetSocketAddress broker) throws Exception {
        URI local = URI.create(vhost.uri());
        URI relayed = new URI(local.getScheme(), local.getUserInfo(), broker.getHostString(), broker.getPort(),
                local.getPath(), null, null);
        return startWorker(name, prefix, relayed.toString());
    }

    private ScatterProcess startWorker(String name, List<String> prefix, String rabbitmqUri) throws Exception {
        String uri = workerBrokerQuery.isEmpty() ? rabbitmqUri : rabbitmqUri + "?" + workerBrokerQuery;
        List<String> arguments = new ArrayList<>(List.of("--rabbitmq", uri, "--name", name,
                "--concurrency", Integer.toString(workerConcurrency)));
        arguments.addAll(workerArguments);
        ScatterProcess worker = ScatterProcess.start(name, prefix,
                ScatterProcess.ROOT.resolve("worker/target/scatter-worker-exec.jar"), logs, environment,
                arguments.toArray(String[]::new));
        workers.add(worker);
        worker.awaitLog("consuming scatter.tasks", Duration.ofMinutes(1));
        return worker;
    }

    List<ScatterProcess> apis() {
        return apis;
    }

    /** Where the first API replica answers, e.g. {@code http://127.0.0.1:40123}. */
    URI apiBase() {
        return client.base();
    }

    /** The API key the cluster's clients send: the APIs run with authentication on, as by default. */
    String apiKey() {
        return apiKey;
    }

    /**
     * Creates an API key in the schema at {@code databaseUrl} with {@code scatter keys create}, run from the API's
     * jar as a user would (which migrates the schema first), and returns what it printed on stdout: the key alone.
     */
    private static String createApiKey(String databaseUrl) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ScatterProcess.ROOT.resolve("api/target/scatter-api-exec.jar").toString(), "keys", "create",
                "--name", "e2e", "--database", databaseUrl)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0
                || !out.matches("sk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}\n")) {
            process.destroyForcibly();
            throw new IllegalStateException("scatter keys create did not print a key alone: '" + out + "'");
        }
        return out.strip();
    }

    /** The JDBC URL of this cluster's schema (user postgres, no password). */
    String databaseUrl() {
        return DATABASE + "?currentSchema=" + schema;
    }

    /** The HTTP client of the first API replica (the one {@link #submit} uses). */
    JobsClient client() {
        return client;
    }

    Path logs() {
        return logs;
    }

    BrokerVhost vhost() {
        return vhost;
    }

    List<ScatterProcess> workers() {
        return workers;
    }

    String submit(String body) throws Exception {
        return client.submit(body);
    }

    JsonNode job(String id) throws Exception {
        return client.job(id);
    }

    JsonNode awaitFinished(String id) throws Exception {
        return client.awaitFinished(id);
    }

    JsonNode awaitTasksDone(String id, int atLeast) throws Exception {
        return client.awaitTasksDone(id, atLeast);
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
