package io.scatter.messaging;

import com.rabbitmq.client.AMQP;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.scatter.contracts.Channels;
import io.scatter.contracts.JobCancelledMessage;
import io.scatter.contracts.TaskMessage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventAmqpCodecTest {

    private static final UUID JOB = UUID.fromString("0d9f6c1e-3b2a-4f5e-8a7d-1c2b3a4d5e6f");

    @Test
    void anEventSurvivesTheRoundTripIncludingExtensions() throws Exception {
        CloudEvent event = CloudEventBuilder.v1(ScatterEvents.event("id-1", Channels.API_SOURCE, JOB.toString(),
                        Instant.parse("2026-11-25T12:00:00.123Z"), new JobCancelledMessage(JOB)))
                .withExtension("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .build();
        AmqpMessage message = CloudEventAmqpCodec.encode(event);
        CloudEvent read = CloudEventAmqpCodec.decode(message.properties(), message.body());

        assertThat(read.getId()).isEqualTo("id-1");
        assertThat(read.getSource()).isEqualTo(URI.create(Channels.API_SOURCE));
        assertThat(read.getType()).isEqualTo(JobCancelledMessage.TYPE);
        assertThat(read.getSubject()).isEqualTo(JOB.toString());
        assertThat(read.getTime().toInstant()).isEqualTo(Instant.parse("2026-11-25T12:00:00.123Z"));
        assertThat(read.getExtension("traceparent")).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(ScatterEvents.data(read, JobCancelledMessage.class)).isEqualTo(new JobCancelledMessage(JOB));
        assertThat(message.properties().getMessageId()).isEqualTo("id-1");
        assertThat(message.properties().getDeliveryMode()).isEqualTo(2);
    }

    @Test
    void headersWithTheUnderscorePrefixAreAcceptedToo() throws Exception {
        Map<String, Object> headers = new HashMap<>();
        headers.put("cloudEvents_specversion", "1.0");
        headers.put("cloudEvents_id", "id-2");
        headers.put("cloudEvents_source", "/elsewhere");
        headers.put("cloudEvents_type", JobCancelledMessage.TYPE);
        byte[] body = ("{\"jobId\":\"" + JOB + "\"}").getBytes(StandardCharsets.UTF_8);

        CloudEvent read = CloudEventAmqpCodec.decode(properties(headers, "application/json"), body);

        assertThat(read.getId()).isEqualTo("id-2");
        assertThat(ScatterEvents.data(read, JobCancelledMessage.class).jobId()).isEqualTo(JOB);
    }

    @Test
    void aMessageWithoutCloudEventHeadersIsMalformed() {
        assertThatThrownBy(() -> CloudEventAmqpCodec.decode(properties(Map.of(), "application/json"), new byte[]{'{'}))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("specversion");
    }

    @Test
    void aMessageMissingARequiredAttributeIsMalformed() {
        Map<String, Object> headers = Map.of("cloudEvents:specversion", "1.0", "cloudEvents:id", "x",
                "cloudEvents:source", "/s");
        assertThatThrownBy(() -> CloudEventAmqpCodec.decode(properties(headers, null), new byte[0]))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("'type'");
    }

    @Test
    void anUnsupportedSpecVersionIsMalformed() {
        Map<String, Object> headers = Map.of("cloudEvents:specversion", "0.1", "cloudEvents:id", "x",
                "cloudEvents:source", "/s", "cloudEvents:type", TaskMessage.TYPE);
        assertThatThrownBy(() -> CloudEventAmqpCodec.decode(properties(headers, null), new byte[0]))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("0.1");
    }

    @Test
    void dataThatIsNotTheContractIsMalformedWithAOneLineReason() throws Exception {
        CloudEvent event = ScatterEvents.event("id-3", Channels.API_SOURCE, TaskMessage.TYPE, JOB.toString(),
                Instant.now(), "{\"jobId\":\"not-a-uuid\"".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ScatterEvents.data(event, TaskMessage.class))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageStartingWith("malformed scatter.task.v1 data")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void dataThatBreaksTheRecordsInvariantsIsMalformed() throws Exception {
        String json = "{\"jobId\":\"" + JOB + "\",\"taskIndex\":7,\"taskCount\":2,\"jobType\":\"prime-count\","
                + "\"payload\":{}}";
        CloudEvent event = ScatterEvents.event("id-4", Channels.API_SOURCE, TaskMessage.TYPE, JOB.toString(),
                Instant.now(), json.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ScatterEvents.data(event, TaskMessage.class))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("taskIndex 7");
    }

    @Test
    void anEventOfAnotherTypeIsNotReadAsThisContract() {
        CloudEvent event = ScatterEvents.event("id-5", Channels.API_SOURCE, JOB.toString(), Instant.now(),
                new JobCancelledMessage(JOB));
        assertThatThrownBy(() -> ScatterEvents.data(event, TaskMessage.class))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("expected a scatter.task.v1 event");
    }

    private static AMQP.BasicProperties properties(Map<String, Object> headers, String contentType) {
        return new AMQP.BasicProperties.Builder().headers(headers).contentType(contentType).build();
    }
}
