package io.scatter.e2e;

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
 * Drill: SIGSTOP a random worker mid-job and keep it stopped until RabbitMQ has closed its connection for missed
 * heartbeats (the worker asks for 15 s heartbeats; the broker gives up after two missed ones), at least
 * {@code -Dscatter.drill.stop-seconds} (default 40); then SIGCONT it. Its unacknowledged task goes to the other
 * worker once the connection is gone; the resumed worker finishes its stale copy, whose result must change nothing,
 * reconnects and serves again.
 */
@Tag("drill")
class WorkerSigstopDrillIT {

    private static final Duration MAX_STOP = Duration.ofMinutes(3);

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void aWorkerFrozenPastItsHeartbeatTimeoutLosesNoJobAndCountsNoTaskTwice() throws Exception {
        Duration minStop = Duration.ofSeconds(Integer.getInteger("scatter.drill.stop-seconds", 40));
        AtomicReference<String> dropped = new AtomicReference<>();
        AtomicReference<ScatterProcess> frozen = new AtomicReference<>();
        DrillReport report = Drill.named("worker-sigstop")
                .cluster(ScatterCluster.builder().workers(2).workerConcurrency(1))
                .chaos(drill -> {
                    drill.pause(500, 3000);
                    ScatterProcess victim = drill.cluster().workers()
                            .get(drill.random().nextInt(drill.cluster().workers().size()));
                    String vhost = drill.cluster().vhost().name();
                    String connection = "scatter-worker " + victim.name();
                    if (!BrokerConnections.connected(vhost, connection)) {
                        throw new AssertionError("RabbitMQ lists no connection named '" + connection + "'");
                    }
                    frozen.set(victim);
                    int unfinished = drill.keepBusy();
                    long stopped = System.nanoTime();
                    victim.signal("STOP");
                    drill.note("SIGSTOP " + victim.name() + " (pid " + victim.pid() + ") with " + unfinished
                            + " jobs unfinished");
                    try {
                        long deadline = stopped + MAX_STOP.toNanos();
                        while (System.nanoTime() < deadline && dropped.get() == null) {
                            Thread.sleep(1000);
                            if (!BrokerConnections.connected(vhost, connection)) {
                                dropped.set(String.format(Locale.ROOT, "%.0f s",
                                        (System.nanoTime() - stopped) / 1e9));
                                drill.note("RabbitMQ closed the connection of " + victim.name() + " after "
                                        + dropped.get());
                            }
                        }
                        long minimum = stopped + minStop.toNanos();
                        if (System.nanoTime() < minimum) {
                            Thread.sleep((minimum - System.nanoTime()) / 1_000_000);
                        }
                    } finally {
                        victim.signal("CONT");
                    }
                    long resumed = System.nanoTime();
                    drill.note("SIGCONT " + victim.name() + " after " + (resumed - stopped) / 1_000_000_000 + " s, "
                            + drill.unfinished() + " jobs unfinished");
                    victim.awaitLog("Reconnected to RabbitMQ", Duration.ofMinutes(1));
                    drill.note(victim.name() + " reconnected");
                    return String.format(Locale.ROOT, "stopped %.0f s, connection closed by RabbitMQ after %s",
                            (resumed - stopped) / 1e9, dropped.get() == null ? "never" : dropped.get());
                })
                .evidence(drill -> "the API published again the task of the lost worker "
                        + drill.logLines("api", "published 1 of them again") + " time(s)")
                .check(drill -> {
                    List<String> problems = new ArrayList<>();
                    if (dropped.get() == null) {
                        problems.add("RabbitMQ never closed the connection of the stopped worker: the drill did not"
                                + " outlast its heartbeat timeout");
                    }
                    if (frozen.get() != null && !frozen.get().isAlive()) {
                        problems.add("the resumed worker " + frozen.get().name() + " exited");
                    }
                    return problems;
                })
                .run();

        report.assertClean();
    }
}
