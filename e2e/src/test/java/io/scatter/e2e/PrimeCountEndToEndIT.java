package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** One API and two workers as separate OS processes, on the real RabbitMQ and PostgreSQL. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrimeCountEndToEndIT {

    private static ScatterCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ScatterCluster.builder().workers(2).workerConcurrency(2).start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void primesUpToTenMillionCountTo664579AcrossTwoWorkers() throws Exception {
        String id = cluster.submit("""
                {"type":"prime-count","input":{"from":0,"to":10000000},"options":{"algorithm":"sieve","tasks":20}}""");

        JsonNode job = cluster.awaitFinished(id);

        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("result").get("count").asLong()).isEqualTo(664579);
        assertThat(job.get("progress").get("tasksDone").asInt()).isEqualTo(20);
        assertThat(job.get("progress").get("percent").asInt()).isEqualTo(100);
    }

    @Test
    @Order(2)
    void aWorkerKilledWithSigkillMidJobLosesNothingAndCountsNothingTwice() throws Exception {
        String id = cluster.submit("""
                {"type":"prime-count","input":{"from":0,"to":10000000},
                 "options":{"algorithm":"trial-division","tasks":200}}""");
        cluster.awaitTasksDone(id, 10);
        ScatterProcess victim = cluster.workers().get(0);

        victim.kill();

        JsonNode job = cluster.awaitFinished(id);
        assertThat(victim.isAlive()).isFalse();
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("result").get("count").asLong()).isEqualTo(664579);
        assertThat(cluster.maxAttempts(id))
                .as("the killed worker's unacknowledged tasks were delivered again")
                .isGreaterThanOrEqualTo(2);
        cluster.startWorker("worker-3");
    }

    @Test
    @Order(3)
    void aWorkerStoppedWithSigtermExitsCleanlyAndItsTasksStillComplete() throws Exception {
        String id = cluster.submit("""
                {"type":"prime-count","input":{"from":0,"to":10000000},
                 "options":{"algorithm":"trial-division","tasks":100}}""");
        cluster.awaitTasksDone(id, 5);
        ScatterProcess stopped = cluster.workers().get(1);

        int exitCode = stopped.terminate(Duration.ofSeconds(60));

        assertThat(exitCode).isZero();
        JsonNode job = cluster.awaitFinished(id);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("result").get("count").asLong()).isEqualTo(664579);
    }
}
