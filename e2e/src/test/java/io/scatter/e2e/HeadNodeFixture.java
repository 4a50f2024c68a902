package io.scatter.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code ./scatter serve} as a separate OS process, on loopback ports and a data directory of its
 * own, restartable on the same ports and data; and workers that join it with {@code --connect}.
 */
final class HeadNodeFixture implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Path data;
    private final Path logs;
    private final int httpPort;
    private final int amqpPort;
    private final int localWorkers;
    private JobsClient client;
    private ScatterProcess head;
    private int starts;
    private final List<ScatterProcess> workers = new ArrayList<>();

    private HeadNodeFixture(Path data, Path logs, int localWorkers) throws IOException {
        this.data = data;
        this.logs = logs;
        this.localWorkers = localWorkers;
        this.httpPort = ScatterProcess.freePort();
        this.amqpPort = ScatterProcess.freePort();
    }

    /** Starts a head node with {@code localWorkers} compute threads of its own, keeping its data in {@code data}. */
    static HeadNodeFixture start(Path data, int localWorkers) throws Exception {
        Path logs = Files.createDirectories(ScatterProcess.ROOT.resolve("e2e/target/e2e-logs/head-"
                + data.getFileName()));
        HeadNodeFixture fixture = new HeadNodeFixture(data, logs, localWorkers);
        try {
            fixture.startHead();
            return fixture;
        } catch (Exception | AssertionError e) {
            fixture.close();
            throw e;
        }
    }

    /** Starts the head node process (again, after {@link #killHead()}) on the same ports and data directory. */
    void startHead() throws Exception {
        starts++;
        head = ScatterProcess.launch("head-" + starts, logs, "serve",
                "--port", Integer.toString(httpPort), "--amqp-port", Integer.toString(amqpPort),
                "--bind", "127.0.0.1", "--data", data.toString(), "--workers", Integer.toString(localWorkers));
        head.awaitLog("Head node ready", START_TIMEOUT);
        // the head node wrote its first API key there before it was ready; auth is on, as by default
        client = new JobsClient(URI.create("http://127.0.0.1:" + httpPort),
                Files.readString(data.resolve("api-key")).strip());
        client.awaitAnswering(head, START_TIMEOUT);
    }

    /** SIGKILL: the head node gets no chance to stop anything; its PostgreSQL server is left running. */
    void killHead() throws InterruptedException {
        head.kill();
    }

    /** Starts {@code ./scatter worker --connect 127.0.0.1:PORT}, a worker process that joins the head node. */
    ScatterProcess joinWorker(String name, int concurrency) throws Exception {
        ScatterProcess worker = ScatterProcess.launch(name, logs, "worker",
                "--connect", "127.0.0.1:" + amqpPort, "--name", name, "--concurrency", Integer.toString(concurrency));
        workers.add(worker);
        worker.awaitLog("consuming scatter.tasks", START_TIMEOUT);
        return worker;
    }

    JobsClient client() {
        return client;
    }

    ScatterProcess head() {
        return head;
    }

    /** The process id in the data directory's {@code postmaster.pid}, while that PostgreSQL server runs. */
    Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = data.resolve("postgres/postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
    }

    /**
     * Stops the workers, then the head node with SIGTERM; a PostgreSQL server a killed head node left behind (when a
     * test failed before restarting it) is stopped too.
     */
    @Override
    public void close() throws Exception {
        for (ScatterProcess worker : workers) {
            worker.close();
        }
        if (head != null) {
            head.close();
        }
        Optional<ProcessHandle> orphan = postmaster();
        if (orphan.isPresent()) {
            ProcessHandle postgres = orphan.get();
            postgres.destroy();
            try {
                postgres.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                postgres.destroyForcibly();
            }
        }
    }
}
