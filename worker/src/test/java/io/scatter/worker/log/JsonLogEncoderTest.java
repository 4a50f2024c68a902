package io.scatter.worker.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MarkerFactory;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogEncoderTest {

    private final JsonLogEncoder encoder = new JsonLogEncoder();
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    @Test
    void anEventIsOneLineOfJsonWithTheApisFieldNames() throws Exception {
        LoggingEvent event = anEvent("Job {} SUCCEEDED", "42");
        event.setTimeStamp(1_700_000_000_123L);

        String line = encode(event);

        assertThat(line).endsWith("\n").hasLineCount(1);
        JsonNode json = parse(line);
        assertThat(OffsetDateTime.parse(json.get("@timestamp").asText()).toInstant().toEpochMilli())
                .isEqualTo(1_700_000_000_123L);
        assertThat(json.get("@version").asText()).isEqualTo("1");
        assertThat(json.get("message").asText()).isEqualTo("Job 42 SUCCEEDED");
        assertThat(json.get("logger_name").asText()).isEqualTo("io.scatter.engine.worker.TaskRunner");
        assertThat(json.get("thread_name").asText()).isEqualTo("scatter-task-1");
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("level_value").asInt()).isEqualTo(Level.WARN_INT);
        assertThat(json.has("stack_trace")).isFalse();
    }

    @Test
    void everyMdcEntryIsATopLevelField() throws Exception {
        LoggingEvent event = anEvent("computed");
        event.setMDCPropertyMap(Map.of("job_id", "5b0c1d2e-0a4f-4c3b-9f61-2d7e8a9b0c1d", "task_index", "3",
                "worker", "pi-1", "trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"));

        JsonNode json = parse(encode(event));

        assertThat(json.get("job_id").asText()).isEqualTo("5b0c1d2e-0a4f-4c3b-9f61-2d7e8a9b0c1d");
        assertThat(json.get("task_index").asText()).isEqualTo("3");
        assertThat(json.get("worker").asText()).isEqualTo("pi-1");
        assertThat(json.get("trace_id").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void quotesBackslashesLineBreaksAndControlCharactersAreEscaped() throws Exception {
        String message = "say \"hi\"\\ to\nthe\r\tworld \u0001 \u00e9\u20ac\ud83d\ude00";
        LoggingEvent event = anEvent(message);
        event.setMDCPropertyMap(Map.of("odd \"key\"", "line\nbreak"));

        String line = encode(event);

        assertThat(line).hasLineCount(1);
        JsonNode json = parse(line);
        assertThat(json.get("message").asText()).isEqualTo(message);
        assertThat(json.get("odd \"key\"").asText()).isEqualTo("line\nbreak");
    }

    @Test
    void anExceptionsStackTraceWithItsCauseIsOneFieldOnTheSameLine() throws Exception {
        LoggingEvent event = new LoggingEvent("io.scatter.worker.Worker", context.getLogger("io.scatter.worker.Worker"),
                Level.ERROR, "could not start", new IllegalStateException("no topology",
                new java.io.IOException("connection refused")), null);

        String line = encode(event);

        assertThat(line).hasLineCount(1);
        String trace = parse(line).get("stack_trace").asText();
        assertThat(trace).startsWith("java.lang.IllegalStateException: no topology")
                .contains("at io.scatter.worker.log.JsonLogEncoderTest")
                .contains("Caused by: java.io.IOException: connection refused");
    }

    @Test
    void markersAreListedAsTags() throws Exception {
        LoggingEvent event = anEvent("audited");
        event.addMarker(MarkerFactory.getMarker("AUDIT"));

        assertThat(parse(encode(event)).get("tags").get(0).asText()).isEqualTo("AUDIT");
    }

    @Test
    void anMdcEntryCannotOverwriteTheEventsOwnFields() throws Exception {
        LoggingEvent event = anEvent("the real message");
        event.setMDCPropertyMap(Map.of("message", "forged", "level", "DEBUG"));

        String line = encode(event);

        assertThat(line).containsOnlyOnce("\"message\"").containsOnlyOnce("\"level\"");
        assertThat(parse(line).get("message").asText()).isEqualTo("the real message");
    }

    private LoggingEvent anEvent(String message, Object... arguments) {
        LoggingEvent event = new LoggingEvent("io.scatter.engine.worker.TaskRunner",
                context.getLogger("io.scatter.engine.worker.TaskRunner"), Level.WARN, message, null, arguments);
        event.setThreadName("scatter-task-1");
        return event;
    }

    private String encode(LoggingEvent event) {
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String line) throws Exception {
        return new ObjectMapper().readTree(line);
    }
}
