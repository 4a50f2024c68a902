package io.scatter.e2e;

import io.scatter.messaging.testing.TestVhost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Two API replicas share one database: their outbox relays split the rows between them and publish each once. */
class RelayReplicasIT {

    private static final int TASKS = 2000;
    private static ScatterCluster cluster;

    @BeforeAll
    static void startTwoApisAndNoWorker() throws Exception {
        cluster = ScatterCluster.builder()
                .apis(2)
                .workers(0)
                .apiArgument("--scatter.outbox.batch-size=5")
                .apiArgument("--logging.level.io.scatter.api.outbox=DEBUG")
                .start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void twoRelaysPublishEveryTaskExactlyOnce() throws Exception {
        cluster.submit("""
                {"type":"prime-count","input":{"from":0,"to":10000000},"options":{"tasks":%d}}""".formatted(TASKS));

        Poll.until("every outbox row to be sent", JobsClient.JOB_TIMEOUT, cluster::unsentOutboxRows,
                unsent -> unsent == 0);
        Poll.until("the broker to count every task", Duration.ofMinutes(1), this::queuedTasks,
                queued -> queued >= TASKS);
        Thread.sleep(2000);

        assertThat(queuedTasks()).isEqualTo(TASKS);
        for (ScatterProcess api : cluster.apis()) {
            assertThat(api.log()).as(api.name() + " relayed some of the rows").contains("Relayed ");
        }
    }

    private long queuedTasks() {
        String listing = TestVhost.rabbitmqctl("list_queues", "-p", cluster.vhost().name(), "--no-table-headers",
                "name", "messages");
        for (String line : listing.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length == 2 && columns[0].equals("scatter.tasks")) {
                return Long.parseLong(columns[1]);
            }
        }
        return -1;
    }
}
