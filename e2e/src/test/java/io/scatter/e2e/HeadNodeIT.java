package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scatter serve} — API, embedded broker, embedded PostgreSQL and a local worker in one process — with a worker
 * in another process that joins it over TCP with {@code --connect}, as a Raspberry Pi would. Nothing here uses the
 * machine's RabbitMQ or PostgreSQL.
 */
class HeadNodeIT {

    @TempDir
    Path data;

    @Test
    void aWorkerThatJoinsWithConnectHelpsCountThePrimesUpToOneHundredMillion() throws Exception {
        try (HeadNodeFixture head = HeadNodeFixture.start(data, 1)) {
            ScatterProcess pi = head.joinWorker("pi-1", 1);

            String id = head.client().submit("""
                    {"type":"prime-count","input":{"from":0,"to":100000000},"options":{"algorithm":"sieve","tasks":40}}""");
            JsonNode job = head.client().awaitFinished(id);

            assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(job.get("result").get("count").asLong()).isEqualTo(5_761_455);
            assertThat(job.get("progress").get("tasksDone").asInt()).isEqualTo(40);
            assertThat(pi.log()).as("the joined worker computed some of the tasks")
                    .contains("of prime-count job " + id + " succeeded");
            assertThat(head.client().get("/").body()).as("the dashboard, served by the head node's API")
                    .contains("<script type=\"module\" src=\"dashboard/app.js\"></script>");
            assertThat(head.head().log()).contains("dashboard at http://");
            assertThat(head.head().terminate(Duration.ofMinutes(1))).as("exit code on SIGTERM").isZero();
            assertThat(head.postmaster()).as("PostgreSQL stopped with the head node").isEmpty();
        }
    }

    @Test
    void aHeadNodeKilledMidJobResumesTheJobAfterARestartAndCountsEveryTaskOnce() throws Exception {
        try (HeadNodeFixture head = HeadNodeFixture.start(data, 1)) {
            ScatterProcess pi = head.joinWorker("pi-1", 1);
            String id = head.client().submit("""
                    {"type":"prime-count","input":{"from":0,"to":10000000000},"options":{"algorithm":"sieve","tasks":200}}""");
            int doneBeforeKill = head.client().awaitTasksDone(id, 20).get("progress").get("tasksDone").asInt();

            head.killHead();
            head.startHead();
            JsonNode job = head.client().awaitFinished(id);

            assertThat(doneBeforeKill).as("tasks done when the head node was killed").isLessThan(200);
            assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(job.get("result").get("count").asLong()).isEqualTo(455_052_511);
            assertThat(job.get("progress").get("tasksDone").asInt()).isEqualTo(200);
            assertThat(pi.isAlive()).as("the joined worker reconnected rather than exiting").isTrue();
            assertThat(pi.log()).contains("Reconnected");
        }
    }
}
