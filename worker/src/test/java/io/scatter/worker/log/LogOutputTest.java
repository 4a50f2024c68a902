package io.scatter.worker.log;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scatter.messaging.LogFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Switches the test JVM's own root appenders, and puts their encoders back afterwards. */
class LogOutputTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> captured = new OutputStreamAppender<>();
    private final Map<OutputStreamAppender<ILoggingEvent>, Encoder<ILoggingEvent>> original = new HashMap<>();

    @BeforeEach
    void attachACapturingTextAppender() {
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern("%level %msg%n");
        text.start();
        captured.setContext(context);
        captured.setName("log-output-test");
        captured.setEncoder(text);
        captured.setOutputStream(written);
        captured.start();
        root.addAppender(captured);
        for (Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders(); appenders.hasNext(); ) {
            if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
                original.put(appender, appender.getEncoder());
            }
        }
    }

    @AfterEach
    void restoreTheAppenders() {
        root.detachAppender(captured);
        captured.stop();
        original.forEach(OutputStreamAppender::setEncoder);
        MDC.clear();
    }

    @Test
    void textLeavesTheConfiguredReadableLines() {
        LogOutput.use(LogFormat.TEXT);
        LoggerFactory.getLogger(LogOutputTest.class).warn("plain");

        assertThat(written()).isEqualTo("WARN plain\n");
    }

    @Test
    void jsonTurnsEveryLineIntoOneJsonObjectWithTheMdcFields() throws Exception {
        LogOutput.use(LogFormat.JSON);
        MDC.put("job_id", "5b0c1d2e-0a4f-4c3b-9f61-2d7e8a9b0c1d");
        LoggerFactory.getLogger(LogOutputTest.class).warn("computed task {}", 3);

        assertThat(written()).hasLineCount(1);
        JsonNode line = new ObjectMapper().readTree(written());
        assertThat(line.get("message").asText()).isEqualTo("computed task 3");
        assertThat(line.get("logger_name").asText()).isEqualTo(LogOutputTest.class.getName());
        assertThat(line.get("job_id").asText()).isEqualTo("5b0c1d2e-0a4f-4c3b-9f61-2d7e8a9b0c1d");
    }

    private String written() {
        return written.toString(StandardCharsets.UTF_8);
    }
}
