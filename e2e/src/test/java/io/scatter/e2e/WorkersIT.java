package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Worker processes send heartbeats that the API lists and the built CLI shows: ALIVE while they run, STOPPING once
 * one is told to stop, LOST once it has been silent for the API's lost-after (3 s here, to keep the test short; the
 * workers beat every second, so a running one is never that silent).
 */
class WorkersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ScatterCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ScatterCluster.builder().workers(2).workerConcurrency(2).workerArguments("--heartbeat", "1")
                .apiArgument("--scatter.workers.lost-after=3s").start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theCliShowsTheRunningWorkersAliveAndAStoppedOneStoppingThenLost() throws Exception {
        Poll.until("both workers listed ALIVE", WAIT, WorkersIT::workers,
                workers -> statuses(workers).equals(List.of("worker-1 ALIVE", "worker-2 ALIVE")));
        JsonNode first = workers().get(0);
        assertThat(first.get("pid").asLong()).isEqualTo(cluster.workers().get(0).pid());
        assertThat(first.get("concurrency").asInt()).isEqualTo(2);

        assertThat(cli("workers").lines().toList()).satisfiesExactly(
                header -> assertThat(header).startsWith("NAME      STATUS  CONCURRENCY  TASKS DONE  LAST SEEN"),
                one -> assertThat(one).startsWith("worker-1  ALIVE   2            0           "),
                two -> assertThat(two).startsWith("worker-2  ALIVE   2            0           "));

        assertThat(cluster.workers().get(1).terminate(Duration.ofSeconds(60))).isZero();
        Poll.until("the stopped worker listed STOPPING", WAIT, WorkersIT::workers,
                workers -> statuses(workers).equals(List.of("worker-1 ALIVE", "worker-2 STOPPING")));
        Poll.until("the stopped worker listed LOST", WAIT, WorkersIT::workers,
                workers -> statuses(workers).equals(List.of("worker-1 ALIVE", "worker-2 LOST")));

        assertThat(cli("workers").lines().toList()).element(2).asString()
                .startsWith("worker-2  LOST    2            0           ");
        assertThat(cluster.workers().get(1).log()).contains("Worker worker-2 stopped");
    }

    private static JsonNode workers() throws Exception {
        return JSON.readTree(cluster.client().get("/api/v1/workers").body()).get("items");
    }

    private static List<String> statuses(JsonNode workers) {
        return StreamSupport.stream(workers.spliterator(), false)
                .map(worker -> worker.get("name").asText() + " " + worker.get("status").asText())
                .toList();
    }

    /** Runs the built CLI against the cluster's API and returns what it printed on stdout; fails on a non-zero exit. */
    private static String cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                ScatterProcess.ROOT.resolve("cli/target/scatter-cli.jar").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--server", cluster.apiBase().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                new File("/dev/null"))).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("SCATTER_SERVER");
        builder.environment().put("SCATTER_API_KEY", cluster.apiKey());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("scatter " + String.join(" ", args) + " did not exit within a minute");
        }
        assertThat(process.exitValue()).as("exit code of scatter %s; stdout: %s", String.join(" ", args), out)
                .isZero();
        return out;
    }
}
