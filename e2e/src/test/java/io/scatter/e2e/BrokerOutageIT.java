package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.scatter.messaging.testing.TestVhost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops the machine's RabbitMQ application ({@code rabbitmqctl stop_app}) while jobs are in flight and starts it
 * again: the API keeps accepting jobs, workers and API reconnect, and every answer is exact.
 */
class BrokerOutageIT {

    private static ScatterCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ScatterCluster.builder().workers(2).workerConcurrency(1).start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void brokerIsRunningAgain() {
        TestVhost.rabbitmqctl("start_app");
        TestVhost.rabbitmqctl("await_startup");
    }

    @Test
    void aBrokerStoppedAndStartedWhileAJobRunsStillGivesTheExactAnswer() throws Exception {
        String id = cluster.submit("""
                {"type":"prime-count","input":{"from":0,"to":10000000},
                 "options":{"algorithm":"trial-division","tasks":100}}""");
        cluster.awaitTasksDone(id, 5);

        TestVhost.rabbitmqctl("stop_app");
        Thread.sleep(3000);
        TestVhost.rabbitmqctl("start_app");
        TestVhost.rabbitmqctl("await_startup");

        JsonNode job = cluster.awaitFinished(id);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("result").get("count").asLong()).isEqualTo(664579);
    }

    @Test
    void jobsAreAcceptedWhileTheBrokerIsDownAndDeliveredWhenItReturns() throws Exception {
        TestVhost.rabbitmqctl("stop_app");
        String id;
        try {
            id = cluster.submit("""
                    {"type":"prime-count","input":{"from":0,"to":1000000},"options":{"tasks":8}}""");
            assertThat(cluster.job(id).get("status").asText()).isEqualTo("QUEUED");
        } finally {
            TestVhost.rabbitmqctl("start_app");
            TestVhost.rabbitmqctl("await_startup");
        }

        JsonNode job = cluster.awaitFinished(id);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("result").get("count").asLong()).isEqualTo(78498);
    }
}
