package io.scatter.e2e;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.scatter.contracts.Channels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

        assertThat(queuedTasks()).as("tasks in the queue once every row is confirmed and marked sent")
                .isEqualTo(TASKS);
        for (ScatterProcess api : cluster.apis()) {
            assertThat(api.log()).as(api.name() + " relayed some of the rows").contains("Relayed ");
        }
    }

    /** The exact number of messages in the task queue, from a passive declare (not the broker's sampled stats). */
    private long queuedTasks() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(cluster.vhost().uri());
        try (Connection connection = factory.newConnection("relay-replicas-it");
             Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(Channels.TASKS_QUEUE).getMessageCount();
        }
    }
}
