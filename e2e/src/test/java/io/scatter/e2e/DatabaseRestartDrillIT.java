package io.scatter.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Drill: stop the machine's PostgreSQL ({@code pg_ctlcluster … stop}, which disconnects every session) at a random
 * moment while jobs are computed, keep it down a random few seconds, start it again; N times
 * ({@code -Dscatter.drill.database-restarts}, default 2). Meanwhile a client keeps reading the job list, which must
 * answer 200 or 503, never 500; the result consumer retries each result in place and the outbox relay backs off;
 * nothing may be lost or applied twice.
 */
@Tag("drill")
class DatabaseRestartDrillIT {

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void aDatabaseRestartedMidJobLosesNoJobAndCountsNoTaskTwice() throws Exception {
        int restarts = Integer.getInteger("scatter.drill.database-restarts", 2);
        Map<Integer, Integer> answers = new ConcurrentSkipListMap<>();
        DrillReport report = Drill.named("database-restart")
                .cluster(ScatterCluster.builder().workers(2).workerConcurrency(1))
                .chaos(drill -> {
                    Prober prober = new Prober(drill.cluster().client(), answers);
                    prober.start();
                    int midJob = 0;
                    try {
                        for (int restart = 1; restart <= restarts; restart++) {
                            drill.pause(500, 4000);
                            int unfinished = drill.keepBusy();
                            midJob += unfinished > 0 ? 1 : 0;
                            drill.note("pg_ctlcluster stop with " + unfinished + " jobs unfinished");
                            try {
                                postgres("stop");
                                drill.pause(1000, 8000);
                            } finally {
                                startDatabase();
                            }
                            drill.note("PostgreSQL is running again; GETs so far answered " + answers);
                        }
                    } finally {
                        prober.stop();
                    }
                    return restarts + " restarts, " + midJob + " mid-job, GETs answered " + answers;
                })
                .restore(DatabaseRestartDrillIT::startDatabase)
                .check(drill -> {
                    List<String> problems = new ArrayList<>();
                    if (!answers.containsKey(503)) {
                        problems.add("no GET answered 503 while the database was down: " + answers);
                    }
                    answers.keySet().stream().filter(status -> status != 200 && status != 503).forEach(status ->
                            problems.add(answers.get(status) + " GETs answered " + (status < 0 ? "nothing" : status)
                                    + " (not 200 or 503) around a database restart; see the API log"));
                    return problems;
                })
                .evidence(drill -> "API retried results " + drill.logLines("api", "Database unavailable applying")
                        + " times")
                .run();

        report.assertClean();
    }

    /**
     * A client that keeps asking for the job list while the database goes down and comes back: each answer must be
     * 200 or 503 (with Retry-After), never 500. Its statuses are tallied, -1 for no answer within 10 s.
     */
    private static final class Prober implements Runnable {

        private final JobsClient client;
        private final Map<Integer, Integer> answers;
        private final Thread thread = new Thread(this, "drill-prober");
        private volatile boolean running = true;

        Prober(JobsClient client, Map<Integer, Integer> answers) {
            this.client = client;
            this.answers = answers;
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(30_000);
        }

        @Override
        public void run() {
            while (running) {
                int status;
                try {
                    status = client.get("/api/v1/jobs?limit=1").statusCode();
                } catch (IOException e) {
                    status = -1;
                } catch (InterruptedException e) {
                    return;
                }
                answers.merge(status, 1, Integer::sum);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Starts the machine's PostgreSQL cluster unless it answers, and waits until it accepts connections. */
    static void startDatabase() throws Exception {
        if (!ready()) {
            postgres("start");
        }
        Poll.until("PostgreSQL to accept connections", Duration.ofMinutes(1), DatabaseRestartDrillIT::ready,
                ready -> ready);
    }

    private static boolean ready() throws IOException, InterruptedException {
        return run(List.of("pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432")) == 0;
    }

    /** {@code pg_ctlcluster --skip-systemctl-redirect VERSION main ACTION}; fails unless it succeeds. */
    static void postgres(String action) throws IOException, InterruptedException {
        List<String> command = List.of("pg_ctlcluster", "--skip-systemctl-redirect", version(), "main", action);
        if (run(command) != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    /** The installed PostgreSQL version, as the launcher finds it: the first directory under /etc/postgresql. */
    private static String version() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(path -> path.getFileName().toString()).sorted().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL cluster under /etc/postgresql"));
        }
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within 2 minutes");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.exitValue() != 0 && !output.isEmpty() && !command.get(0).equals("pg_isready")) {
            System.out.println(String.join(" ", command) + ": " + output);
        }
        return process.exitValue();
    }
}
