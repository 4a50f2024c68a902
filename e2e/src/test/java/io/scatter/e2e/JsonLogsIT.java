package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code --log-format json}, the API and a worker write one JSON object a line, and the lines about a job carry
 * its {@code job_id} (a worker's also the {@code task_index} and the {@code worker}), so one job can be followed.
 */
class JsonLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ScatterCluster cluster;

    @BeforeAll
    static void startAnApiAndAWorkerWithJsonLogs() throws Exception {
        cluster = ScatterCluster.builder().workers(1).apiArgument("--log-format=json")
                .workerArguments("--log-format", "json").start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theLinesAboutAJobAreJsonWithItsIdOnTheApiAndItsTasksOnTheWorker() throws Exception {
        String id = cluster.submit("""
                {"type":"prime-count","input":{"from":0,"to":1000000},"options":{"tasks":4}}""");
        JsonNode job = cluster.awaitFinished(id);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");

        JsonNode apiLine = Poll.until("the API's line of job " + id + " ending", Duration.ofSeconds(30),
                () -> linesWith(cluster.apis().get(0), "Job " + id + " SUCCEEDED"), lines -> !lines.isEmpty()).get(0);
        assertThat(apiLine.get("job_id").asText()).isEqualTo(id);
        assertThat(apiLine.get("level").asText()).isEqualTo("INFO");
        assertThat(apiLine.get("logger_name").asText()).isEqualTo("io.scatter.api.results.AggregatingResultHandler");
        assertThat(apiLine.has("@timestamp")).isTrue();
        assertThat(apiLine.has("thread_name")).isTrue();
        ScatterProcess worker = cluster.workers().get(0);
        List<JsonNode> workerLines = linesWith(worker, "job " + id + " succeeded");
        assertThat(workerLines).hasSize(4).allSatisfy(line -> {
            assertThat(line.get("job_id").asText()).isEqualTo(id);
            assertThat(line.get("worker").asText()).isEqualTo(worker.name());
        });
        assertThat(workerLines).extracting(line -> line.get("task_index").asText())
                .containsExactlyInAnyOrder("0", "1", "2", "3");
    }

    @Test
    void everyLineTheApiAndTheWorkerLogIsAJsonObject() {
        for (ScatterProcess process : List.of(cluster.apis().get(0), cluster.workers().get(0))) {
            assertThat(logLines(process)).as(process.name()).isNotEmpty()
                    .allSatisfy(line -> assertThat(line).as(process.name()).startsWith("{").endsWith("}"));
            assertThat(jsonLines(process)).as(process.name())
                    .allSatisfy(line -> assertThat(line.has("message") && line.has("level")).isTrue());
        }
    }

    private static List<JsonNode> linesWith(ScatterProcess process, String text) {
        return jsonLines(process).stream().filter(line -> line.get("message").asText().contains(text)).toList();
    }

    private static List<JsonNode> jsonLines(ScatterProcess process) {
        return logLines(process).stream().filter(line -> line.startsWith("{")).map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(process.name() + " wrote a line that is not JSON: " + line, e);
            }
        }).toList();
    }

    /** The process's output lines, without the JVM's own warnings, which it writes before any logger exists. */
    private static List<String> logLines(ScatterProcess process) {
        return process.log().lines().filter(line -> !line.isBlank())
                .filter(line -> !line.startsWith("OpenJDK 64-Bit Server VM warning")).toList();
    }
}
