package io.scatter.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import io.cloudevents.CloudEvent;
import io.scatter.contracts.Channels;
import io.scatter.contracts.JobCancelledMessage;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.contracts.WorkerHeartbeatMessage;
import io.scatter.messaging.heartbeat.HeartbeatPublisher;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the wire format of every Scatter message: what the publisher writes must equal the golden file, and what the
 * consumer reads from the golden file must equal the record.
 */
class GoldenMessageTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final UUID JOB = UUID.fromString("0d9f6c1e-3b2a-4f5e-8a7d-1c2b3a4d5e6f");
    private static final Map<String, String> TRACE_CONTEXT = Map.of(
            TraceExtension.TRACEPARENT, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            TraceExtension.TRACESTATE, "scatter=t61rcWkgMzE");

    private final TaskMessage task = new TaskMessage(JOB, 3, 10, "prime-count",
            orderedMap("from", 300000, "to", 399999, "algorithm", "sieve"));
    private final TaskResultMessage result = new TaskResultMessage(JOB, 3, "prime-count",
            TaskResultMessage.Outcome.SUCCEEDED, Map.of("count", 7863), null, "pi-node-1", 1,
            Instant.parse("2026-11-25T12:00:01.250Z"), Instant.parse("2026-11-25T12:00:01.500Z"));
    private final JobCancelledMessage cancelled = new JobCancelledMessage(JOB);
    private final WorkerHeartbeatMessage heartbeat = new WorkerHeartbeatMessage("pi-node-1", "raspberrypi", 4242, 4,
            120, 2, List.of(new WorkerHeartbeatMessage.InFlightTask(JOB, 3, Instant.parse("2026-11-25T12:00:01.250Z"))),
            Instant.parse("2026-11-25T11:00:00Z"), Instant.parse("2026-11-25T12:00:05Z"),
            WorkerHeartbeatMessage.State.RUNNING);

    @Test
    void aTaskIsPublishedExactlyAsTheGoldenMessage() throws IOException {
        CloudEvent event = ScatterEvents.event("6f1c2a44-8d0e-4c71-9a55-0b7f3c2d9e10", Channels.API_SOURCE,
                JOB.toString(), Instant.parse("2026-11-25T12:00:00Z"), task);
        assertMatchesGolden(CloudEventAmqpCodec.encode(event), "task.v1.json");
    }

    @Test
    void aWorkerReadsTheGoldenTask() throws Exception {
        TaskMessage read = ScatterEvents.data(decodeGolden("task.v1.json"), TaskMessage.class);
        assertThat(read.jobId()).isEqualTo(JOB);
        assertThat(read.taskIndex()).isEqualTo(3);
        assertThat(read.taskCount()).isEqualTo(10);
        assertThat(read.jobType()).isEqualTo("prime-count");
        assertThat(read.payload()).containsEntry("from", 300000).containsEntry("to", 399999)
                .containsEntry("algorithm", "sieve");
    }

    @Test
    void aTaskResultIsPublishedExactlyAsTheGoldenMessage() throws IOException {
        CloudEvent event = ScatterEvents.event("b5a0c9e2-7f41-4d3b-a6e8-2c9d1f0e4b73",
                Channels.WORKER_SOURCE_PREFIX + "pi-node-1", JOB.toString(),
                Instant.parse("2026-11-25T12:00:01.500Z"), result);
        assertMatchesGolden(CloudEventAmqpCodec.encode(event), "task-result.v1.json");
    }

    @Test
    void theApiReadsTheGoldenTaskResult() throws Exception {
        CloudEvent event = decodeGolden("task-result.v1.json");
        assertThat(event.getSubject()).isEqualTo(JOB.toString());
        assertThat(ScatterEvents.data(event, TaskResultMessage.class)).isEqualTo(result);
    }

    @Test
    void aTracedTaskCarriesItsTraceContextAsCloudEventsExtensionHeaders() throws IOException {
        CloudEvent event = ScatterEvents.event("6f1c2a44-8d0e-4c71-9a55-0b7f3c2d9e10", Channels.API_SOURCE,
                JOB.toString(), Instant.parse("2026-11-25T12:00:00Z"), task);
        assertMatchesGolden(CloudEventAmqpCodec.encode(TraceExtension.write(event, TRACE_CONTEXT)),
                "task.traced.v1.json");
    }

    @Test
    void aWorkerReadsTheTraceContextOfTheGoldenTracedTask() throws Exception {
        CloudEvent event = decodeGolden("task.traced.v1.json");
        assertThat(TraceExtension.read(event)).isEqualTo(TRACE_CONTEXT);
        assertThat(ScatterEvents.data(event, TaskMessage.class)).isEqualTo(task);
    }

    @Test
    void aTracedTaskResultIsPublishedExactlyAsTheGoldenMessageAndReadBackWithItsTraceContext() throws Exception {
        CloudEvent event = ScatterEvents.event("b5a0c9e2-7f41-4d3b-a6e8-2c9d1f0e4b73",
                Channels.WORKER_SOURCE_PREFIX + "pi-node-1", JOB.toString(),
                Instant.parse("2026-11-25T12:00:01.500Z"), result);
        assertMatchesGolden(CloudEventAmqpCodec.encode(TraceExtension.write(event, TRACE_CONTEXT)),
                "task-result.traced.v1.json");
        assertThat(TraceExtension.read(decodeGolden("task-result.traced.v1.json"))).isEqualTo(TRACE_CONTEXT);
    }

    @Test
    void anUntracedTaskHasNoTraceContext() throws Exception {
        assertThat(TraceExtension.read(decodeGolden("task.v1.json"))).isEmpty();
    }

    @Test
    void aJobCancellationIsPublishedExactlyAsTheGoldenMessage() throws Exception {
        CloudEvent event = ScatterEvents.event("e3d2c1b0-a9f8-4e7d-8c6b-5a4f3e2d1c0b", Channels.API_SOURCE,
                JOB.toString(), Instant.parse("2026-11-25T12:00:02Z"), cancelled);
        assertMatchesGolden(CloudEventAmqpCodec.encode(event), "job-cancelled.v1.json");
        assertThat(ScatterEvents.data(decodeGolden("job-cancelled.v1.json"), JobCancelledMessage.class))
                .isEqualTo(cancelled);
    }

    @Test
    void aWorkerHeartbeatIsPublishedExactlyAsTheGoldenMessage() throws Exception {
        assertMatchesGolden(HeartbeatPublisher.message("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", heartbeat),
                "worker-heartbeat.v1.json");
    }

    @Test
    void theApiReadsTheGoldenWorkerHeartbeat() throws Exception {
        CloudEvent event = decodeGolden("worker-heartbeat.v1.json");
        assertThat(event.getSubject()).isEqualTo("pi-node-1");
        assertThat(ScatterEvents.data(event, WorkerHeartbeatMessage.class)).isEqualTo(heartbeat);
    }

    private static void assertMatchesGolden(AmqpMessage message, String golden) throws IOException {
        JsonNode expected = golden(golden);
        Map<String, String> headers = new LinkedHashMap<>();
        message.properties().getHeaders().forEach((key, value) -> headers.put(key, value.toString()));
        assertThat(headers).isEqualTo(PLAIN.convertValue(expected.get("headers"), Map.class));
        assertThat(message.properties().getContentType()).isEqualTo(expected.get("contentType").asText());
        assertThat(message.properties().getDeliveryMode()).isEqualTo(expected.get("deliveryMode").asInt());
        assertThat(PLAIN.readTree(message.body())).isEqualTo(expected.get("body"));
    }

    static CloudEvent decodeGolden(String golden) throws Exception {
        JsonNode message = golden(golden);
        Map<String, Object> headers = PLAIN.convertValue(message.get("headers"), Map.class);
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .headers(headers)
                .contentType(message.get("contentType").asText())
                .deliveryMode(message.get("deliveryMode").asInt())
                .build();
        return CloudEventAmqpCodec.decode(properties, PLAIN.writeValueAsBytes(message.get("body")));
    }

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = GoldenMessageTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return PLAIN.readTree(in);
        }
    }

    private static Map<String, Object> orderedMap(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
