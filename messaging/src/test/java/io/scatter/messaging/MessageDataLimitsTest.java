package io.scatter.messaging;

import io.cloudevents.CloudEvent;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limits every consumer puts on message data, results as well as tasks. */
class MessageDataLimitsTest {

    private static final UUID JOB = UUID.fromString("0d9f6c1e-3b2a-4f5e-8a7d-1c2b3a4d5e6f");

    @Test
    void aResultWithAKeyGivenTwiceIsMalformed() {
        String twice = resultJson("{\"count\":1}").replace("\"taskIndex\":0", "\"taskIndex\":0,\"taskIndex\":1");

        assertThatThrownBy(() -> ScatterEvents.data(result(twice), TaskResultMessage.class))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageStartingWith("malformed scatter.task-result.v1 data: Duplicate field 'taskIndex'");
    }

    @Test
    void aResultNestedDeeperThanTheLimitIsMalformedAndOneJustWithinItIsRead() throws Exception {
        int within = Json.MAX_NESTING_DEPTH - 3;
        String deep = resultJson("{\"count\":" + "[".repeat(Json.MAX_NESTING_DEPTH) + "]".repeat(Json.MAX_NESTING_DEPTH)
                + "}");
        String shallow = resultJson("{\"count\":" + "[".repeat(within) + "]".repeat(within) + "}");

        assertThatThrownBy(() -> ScatterEvents.data(result(deep), TaskResultMessage.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("nesting depth");
        assertThat(ScatterEvents.data(result(shallow), TaskResultMessage.class).result()).containsKey("count");
    }

    @Test
    void aNumberLongerThanTheLimitIsMalformed() {
        String huge = resultJson("{\"count\":" + "9".repeat(Json.MAX_NUMBER_LENGTH + 1) + "}");

        assertThatThrownBy(() -> ScatterEvents.data(result(huge), TaskResultMessage.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("Number value length");
    }

    @Test
    void theLargestResultsScatterMakesAreReadAsTheyWere() throws Exception {
        TaskResultMessage batch = TaskResultMessage.succeeded(
                new TaskMessage(JOB, 0, 1, "expression", Map.of()),
                Map.of("results", List.of(Map.of("index", 0, "status", "COMPLETED", "value", "9".repeat(90)))),
                "w-1", 1, Instant.EPOCH, Instant.EPOCH);
        CloudEvent event = ScatterEvents.event("r-1", Channels.WORKER_SOURCE_PREFIX + "w-1", JOB.toString(),
                Instant.EPOCH, batch);

        assertThat(ScatterEvents.data(event, TaskResultMessage.class)).isEqualTo(batch);
    }

    private static String resultJson(String result) {
        return "{\"jobId\":\"" + JOB + "\",\"taskIndex\":0,\"jobType\":\"prime-count\",\"outcome\":\"SUCCEEDED\","
                + "\"result\":" + result + ",\"worker\":\"w-1\",\"attempt\":1,\"startedAt\":\"2026-11-25T12:00:00Z\","
                + "\"finishedAt\":\"2026-11-25T12:00:01Z\"}";
    }

    private static CloudEvent result(String json) {
        return ScatterEvents.event("r-1", Channels.WORKER_SOURCE_PREFIX + "w-1", TaskResultMessage.TYPE,
                JOB.toString(), Instant.EPOCH, json.getBytes(StandardCharsets.UTF_8));
    }
}
