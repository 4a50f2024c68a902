package io.scatter.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Drill: a worker runs in a network namespace of its own and reaches RabbitMQ through a {@link TcpRelay} on the
 * host's end of a veth pair; mid-task the link goes down, so that its packets vanish and no connection is told, and
 * stays down until RabbitMQ has closed the worker's connection for missed heartbeats, at least
 * {@code -Dscatter.drill.partition-seconds} (default 40); then it comes back. The task the worker held goes to the
 * other worker; the cut-off worker must reconnect by itself and compute again.
 */
@Tag("drill")
class NetworkPartitionDrillIT {

    private static final Duration MAX_CUT = Duration.ofMinutes(3);
    private static final Duration MAX_RECOVERY = Duration.ofMinutes(2);
    private static final String CUT_OFF = "worker-netns";
    private static final String RECONNECTED = "Reconnected to RabbitMQ";
    private static final String COMPUTED = " succeeded in ";
    private static final Pattern RECOMPUTED = Pattern.compile(" succeeded in \\d+ ms \\(attempt (\\d+)\\)");
    private static final InetSocketAddress BROKER = new InetSocketAddress(
            System.getProperty("scatter.test.rabbitmq.host", "127.0.0.1"),
            Integer.getInteger("scatter.test.rabbitmq.port", 5672));

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void aWorkerCutOffTheNetworkMidTaskLosesNoJobAndCountsNoTaskTwice() throws Exception {
        String unavailable = NetworkNamespace.unavailable();
        Assumptions.assumeTrue(unavailable == null, () -> "skipping the network-partition drill: " + unavailable);
        Duration minCut = Duration.ofSeconds(Integer.getInteger("scatter.drill.partition-seconds", 40));
        AtomicReference<String> dropped = new AtomicReference<>();
        try (NetworkNamespace namespace = NetworkNamespace.create();
             TcpRelay relay = TcpRelay.start(namespace.hostAddress(), BROKER)) {
            DrillReport report = Drill.named("network-partition")
                    .cluster(ScatterCluster.builder().workers(1).workerConcurrency(1)
                            .worker(CUT_OFF, namespace.exec(), relay.address()))
                    .chaos(drill -> {
                        drill.note(CUT_OFF + " runs in network namespace " + namespace.name() + " at "
                                + namespace.namespaceAddress() + ", reaching RabbitMQ through " + relay.address()
                                + " on " + namespace.hostLink());
                        drill.pause(500, 3000);
                        ScatterProcess victim = cutOff(drill.cluster());
                        String vhost = drill.cluster().vhost().name();
                        String connection = "scatter-worker " + CUT_OFF;
                        int unfinished = drill.keepBusy();
                        int held = Poll.until(CUT_OFF + " to hold a task", MAX_RECOVERY,
                                () -> BrokerConnections.unacknowledged(vhost, connection), count -> count > 0);
                        long reconnects = lines(victim, RECONNECTED);
                        long cut = System.nanoTime();
                        namespace.linkDown();
                        drill.note("link " + namespace.hostLink() + " down with " + tasks(held) + " of " + CUT_OFF
                                + " unacknowledged and " + unfinished + " jobs unfinished");
                        try {
                            long deadline = cut + MAX_CUT.toNanos();
                            while (System.nanoTime() < deadline && dropped.get() == null) {
                                Thread.sleep(1000);
                                if (!BrokerConnections.connected(vhost, connection)) {
                                    dropped.set(seconds(System.nanoTime() - cut));
                                    drill.note("RabbitMQ closed the connection of " + CUT_OFF + " after "
                                            + dropped.get());
                                }
                            }
                            long minimum = cut + minCut.toNanos();
                            if (System.nanoTime() < minimum) {
                                Thread.sleep((minimum - System.nanoTime()) / 1_000_000);
                            }
                        } finally {
                            namespace.linkUp();
                        }
                        long restored = System.nanoTime();
                        drill.note("link " + namespace.hostLink() + " up after " + seconds(restored - cut) + ", "
                                + drill.unfinished() + " jobs unfinished");
                        Poll.until(CUT_OFF + " to reconnect", MAX_RECOVERY, () -> lines(victim, RECONNECTED),
                                count -> count > reconnects);
                        String reconnected = seconds(System.nanoTime() - restored);
                        drill.note(CUT_OFF + " reconnected " + reconnected + " after the link came back");
                        drill.keepBusy();
                        long computed = lines(victim, COMPUTED);
                        Poll.until(CUT_OFF + " to compute again", MAX_RECOVERY, () -> lines(victim, COMPUTED),
                                count -> count > computed);
                        drill.note(CUT_OFF + " computes again");
                        return "cut " + seconds(restored - cut) + " holding " + tasks(held)
                                + ", connection closed by RabbitMQ after "
                                + (dropped.get() == null ? "never" : dropped.get())
                                + ", reconnected " + reconnected + " after the link came back"
                                + ", relay carried " + relay.connections() + " connections";
                    })
                    .restore(namespace::linkUp)
                    .evidence(drill -> tasks((int) recomputed(drill.cluster())) + " of " + CUT_OFF
                            + " computed again by the other worker")
                    .check(drill -> {
                        List<String> problems = new ArrayList<>();
                        if (dropped.get() == null) {
                            problems.add("RabbitMQ never closed the connection of the cut-off worker: the drill did"
                                    + " not outlast its heartbeat timeout");
                        }
                        if (!cutOff(drill.cluster()).isAlive()) {
                            problems.add("the cut-off worker " + CUT_OFF + " exited");
                        }
                        if (recomputed(drill.cluster()) == 0) {
                            problems.add("the other worker computed no task delivered a second time: the cut struck"
                                    + " no task in flight");
                        }
                        return problems;
                    })
                    .run();

            report.assertClean();
        }
    }

    private static ScatterProcess cutOff(ScatterCluster cluster) {
        return cluster.workers().stream().filter(worker -> worker.name().equals(CUT_OFF)).findFirst()
                .orElseThrow(() -> new AssertionError("no worker named " + CUT_OFF));
    }

    private static long lines(ScatterProcess process, String text) {
        return process.log().lines().filter(line -> line.contains(text)).count();
    }

    private static String tasks(int count) {
        return count == 1 ? "1 task" : count + " tasks";
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.0f s", nanos / 1e9);
    }

    /**
     * How many tasks the workers other than the cut-off one computed on a second or later delivery: only the cut
     * returns deliveries to the queue, so these are what the cut-off worker held. (The accepted result of such a task
     * may still be the cut-off worker's: its result can reach the broker just before the link goes down while the
     * confirm, or its ack, does not come back; the inbox then ignores the second result.)
     */
    private static long recomputed(ScatterCluster cluster) {
        return cluster.workers().stream().filter(worker -> !worker.name().equals(CUT_OFF))
                .flatMap(worker -> worker.log().lines())
                .map(RECOMPUTED::matcher)
                .filter(matcher -> matcher.find() && Integer.parseInt(matcher.group(1)) > 1)
                .count();
    }
}
