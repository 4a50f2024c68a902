package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drill: a worker wedges (SIGSTOP) while it computes a long task, with its AMQP heartbeats turned off
 * ({@code ?heartbeat=0}), so that its connection stays open and RabbitMQ never takes the task back — a hung process
 * behind a live TCP connection. Only the API's {@code StaleTaskReaper}, seeing the worker's Scatter heartbeats stop,
 * can recover the task: it must publish it again, the other worker compute it, and the long job end exact while the
 * wedged worker is still stopped and still connected. Resumed, the worker's late result must change nothing.
 */
@Tag("drill")
class WedgedWorkerDrillIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** π(2·10^10), one task of about ten seconds on this machine's cores. */
    private static final Drill.KnownJob LONG_JOB = Drill.KnownJob.primeCount(20_000_000_000L, "sieve", 1, 882_206_716);
    private static final Duration MAX_WEDGE = Duration.ofMinutes(4);

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void aTaskHeldByAWorkerThatHangsBehindALiveConnectionIsRecoveredByTheApi() throws Exception {
        List<Drill.KnownJob> jobs = new ArrayList<>(Drill.standardJobs());
        jobs.add(LONG_JOB);
        AtomicReference<String> recovered = new AtomicReference<>();
        DrillReport report = Drill.named("worker-wedged")
                .cluster(ScatterCluster.builder().workers(2).workerConcurrency(1)
                        .workerBrokerQuery("heartbeat=0").workerArguments("--heartbeat", "1"))
                .jobs(jobs)
                .chaos(drill -> {
                    Holder holder = awaitLongTaskHeld(drill);
                    ScatterProcess victim = drill.cluster().workers().stream()
                            .filter(worker -> worker.name().equals(holder.worker())).findFirst().orElseThrow();
                    long stopped = System.nanoTime();
                    victim.signal("STOP");
                    drill.note("SIGSTOP " + victim.name() + " computing the long job " + holder.jobId());
                    try {
                        JsonNode done = Poll.until("the long job to end while " + victim.name() + " is stopped",
                                MAX_WEDGE, () -> drill.cluster().job(holder.jobId()),
                                job -> !List.of("QUEUED", "RUNNING").contains(job.path("status").asText()));
                        String vhost = drill.cluster().vhost().name();
                        boolean stillConnected = BrokerConnections.connected(vhost, "scatter-worker " + victim.name());
                        recovered.set(String.format(Locale.ROOT, "%s after %.0f s, %s", done.path("status").asText(),
                                (System.nanoTime() - stopped) / 1e9,
                                stillConnected ? "its connection still open" : "its connection closed"));
                        drill.note("the long job ended " + recovered.get());
                    } finally {
                        victim.signal("CONT");
                    }
                    return "stopped " + victim.name() + " holding the long job's task; it ended " + recovered.get();
                })
                .evidence(drill -> "the API published again " + drill.logLines("api", "published 1 of them again")
                        + " task(s) of lost workers")
                .check(drill -> {
                    List<String> problems = new ArrayList<>();
                    if (recovered.get() == null || !recovered.get().contains("connection still open")) {
                        problems.add("the long job did not end while the wedged worker kept its connection: "
                                + recovered.get());
                    }
                    if (drill.logLines("api", "published 1 of them again") < 1) {
                        problems.add("the API never published the wedged worker's task again");
                    }
                    return problems;
                })
                .run();

        report.assertClean();
    }

    /** A worker computing the long job's task, as the API lists it from the worker's last heartbeat. */
    private record Holder(String worker, String jobId) {
    }

    private static Holder awaitLongTaskHeld(Drill.Context drill) throws Exception {
        return Poll.until("a worker to be listed computing the long job", Duration.ofMinutes(3), () -> {
            JsonNode workers = JSON.readTree(drill.cluster().client().get("/api/v1/workers").body());
            for (JsonNode worker : workers.path("items")) {
                for (JsonNode task : worker.path("currentTasks")) {
                    JsonNode job = drill.cluster().job(task.path("jobId").asText());
                    if (job.path("input").path("to").asLong() == 20_000_000_000L) {
                        return new Holder(worker.path("name").asText(), task.path("jobId").asText());
                    }
                }
            }
            return null;
        }, holder -> holder != null);
    }
}
