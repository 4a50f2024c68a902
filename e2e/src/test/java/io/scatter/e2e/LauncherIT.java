package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher as a user runs it: the README's main command, a worker with the default JVM flags, those flags. */
class LauncherIT {

    @Test
    void theReadmeCommandPrintsTheNumberOfPrimesUpToAMillionWithoutBrokerOrDatabase() throws Exception {
        Result result = scatter("run", "prime-count", "--from", "0", "--to", "1000000", "--workers", "2");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("78498\n");
        assertThat(result.stderr()).contains("SUCCEEDED");
    }

    @Test
    void aReversedRangeIsOneLineNamingTheFlagAndExitCodeTwo() throws Exception {
        Result result = scatter("run", "prime-count", "--from", "5", "--to", "1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().strip())
                .isEqualTo("scatter: --from: input.from (5) must not be greater than input.to (1)");
    }

    @Test
    void aBadWorkerCountIsOneLineAndExitCodeTwo() throws Exception {
        Result result = scatter("run", "prime-count", "--from", "0", "--to", "10", "--workers", "none");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().strip())
                .isEqualTo("scatter: --workers must be an integer between 1 and 1000, got 'none'");
    }

    @Test
    void aWorkerStartedThroughTheLauncherWithItsDefaultFlagsComputesTasks() throws Exception {
        try (ScatterCluster cluster = ScatterCluster.builder().workers(0).start();
             ScatterProcess worker = ScatterProcess.launch("launched-worker", cluster.logs(), Map.of(), "worker",
                     "--rabbitmq", cluster.vhost().uri(), "--name", "launched-worker", "--concurrency", "4")) {
            worker.awaitLog("consuming scatter.tasks", Duration.ofMinutes(2));
            String id = cluster.submit("""
                    {"type":"prime-count","input":{"from":0,"to":1000000},"options":{"tasks":8}}""");

            JsonNode job = cluster.awaitFinished(id);

            assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(job.get("result").get("count").asLong()).isEqualTo(78498);
            assertThat(ProcessHandle.of(worker.pid()).flatMap(process -> process.info().arguments()).orElseThrow())
                    .contains("-XX:+UseSerialGC", "-Xms16m", "-Xmx256m")
                    .anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile="));
        }
    }

    @Test
    void keysCreateWithoutANameIsOneLineAndExitCodeTwo() throws Exception {
        Result result = scatter("keys", "create");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().strip()).isEqualTo("scatter keys: create needs --name NAME");
    }

    @Test
    void keysWithoutADatabaseIsOneLineAndExitCodeOne() throws Exception {
        Result result = scatter("keys", "list");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().strip()).startsWith("scatter keys: the database cannot be used: ")
                .doesNotContain("\n");
    }

    @Test
    void aWorkerGetsTheSerialCollectorAHeapOf64MibPlus48PerTaskAtOnceAndItsClassArchive() throws Exception {
        Result result = scatter(Map.of(), "jvm-flags", "worker", "--name", "w", "--concurrency", "3");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().strip().split(" "))
                .startsWith("-XX:+UseSerialGC", "-Xms16m", "-Xmx208m")
                .anyMatch(flag -> flag.matches("-XX:SharedArchiveFile=.*/worker/target/scatter-worker-exec\\.jsa"));
        assertThat(ScatterProcess.ROOT.resolve("worker/target/scatter-worker-exec.jsa")).isNotEmptyFile();
    }

    @Test
    void scatterJavaOptsComesLastAndReplacesTheDefaultCollectorAndHeap() throws Exception {
        Result result = scatter(Map.of("SCATTER_JAVA_OPTS", "-XX:+UseParallelGC -Xmx300m -Dscatter.test=1"),
                "jvm-flags", "worker");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().strip()).endsWith("-XX:+UseParallelGC -Xmx300m -Dscatter.test=1")
                .doesNotContain("UseSerialGC", "-Xms16m")
                .containsOnlyOnce("-Xmx")
                .contains("-XX:SharedArchiveFile=");
    }

    @Test
    void scatterJavaOptsCanTurnClassDataSharingOffAndKeepTheOtherDefaults() throws Exception {
        Result result = scatter(Map.of("SCATTER_JAVA_OPTS", "-Xshare:off", "SCATTER_CONCURRENCY", "1"), "jvm-flags",
                "worker");

        assertThat(result.stdout().strip()).isEqualTo("-XX:+UseSerialGC -Xms16m -Xmx112m -Xshare:off");
    }

    @Test
    void theApiRunsWithACappedHeapUnlessScatterJavaOptsSetsOne() throws Exception {
        assertThat(scatter(Map.of(), "jvm-flags", "api").stdout().strip())
                .isEqualTo("-XX:+UseSerialGC -Xmx192m");
        assertThat(scatter(Map.of("SCATTER_JAVA_OPTS", "-Xmx1g"), "jvm-flags", "api").stdout().strip())
                .isEqualTo("-XX:+UseSerialGC -Xmx1g");
    }

    private static Result scatter(String... args) throws IOException, InterruptedException {
        return scatter(Map.of(), args);
    }

    /** Runs the launcher with a broker and database address nothing listens on, so local mode cannot lean on them. */
    private static Result scatter(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = ScatterProcess.ROOT.resolve("scatter").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(ScatterProcess.ROOT.toFile());
        builder.environment().put("SCATTER_RABBITMQ_URI", "amqp://guest:guest@127.0.0.1:1");
        builder.environment().put("SCATTER_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/none");
        builder.environment().remove("SCATTER_SERVER");
        builder.environment().remove("SCATTER_JAVA_OPTS");
        builder.environment().remove("SCATTER_CDS");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Path stderr = Files.createTempFile("scatter-launcher", ".err");
        try {
            builder.redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process process = builder.start();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("./scatter " + String.join(" ", args) + " did not exit within 5 minutes");
            }
            return new Result(process.exitValue(), stdout, Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }
}
