package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Expression jobs through the API, RabbitMQ and two worker processes: answers, failures and limits. */
class ExpressionEndToEndIT {

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

    @Test
    void aBatchSpreadOverTwoWorkersGivesEveryExpressionItsOwnExactAnswerOrError() throws Exception {
        String id = cluster.submit("""
                {"type":"expression","input":{"expressions":["(1 + 2) * 3 / 4","2^64","1/0","sqrt(2)",
                 "9^9^9^9","-7 % 3"]},"options":{"tasks":3}}""");

        JsonNode job = cluster.awaitFinished(id);

        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        List<String> outcomes = new ArrayList<>();
        for (JsonNode result : job.get("result").get("results")) {
            outcomes.add(result.get("index").asInt() + " " + result.get("status").asText() + " "
                    + (result.has("value") ? result.get("value").asText() : result.get("error").asText()));
        }
        assertThat(outcomes).containsExactly(
                "0 COMPLETED 2.25",
                "1 COMPLETED 18446744073709551616",
                "2 FAILED division by zero at position 2",
                "3 COMPLETED 1.414213562373095048801688724209698",
                "4 FAILED result of ^ at position 4 would have more than 10000 digits",
                "5 COMPLETED -1");
    }

    @Test
    void anExpressionThatCannotBeComputedFailsItsJobWithTheReasonAndLeavesTheWorkersServing() throws Exception {
        String failing = cluster.submit("""
                {"type":"expression","input":{"expression":"9^9^9^9"}}""");
        JsonNode failed = cluster.awaitFinished(failing);

        String next = cluster.submit("""
                {"type":"expression","input":{"expression":"1 + 1"}}""");
        JsonNode succeeded = cluster.awaitFinished(next);

        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText())
                .endsWith("result of ^ at position 4 would have more than 10000 digits");
        assertThat(succeeded.get("result").get("value").asText()).isEqualTo("2");
        assertThat(cluster.workers()).allSatisfy(worker -> assertThat(worker.isAlive()).isTrue());
    }
}
