package io.scatter.head;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.pattern.PatternLayoutEncoderBase;
import io.scatter.worker.log.JsonLogEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

class HeadLoggingConfigTest {

    @Test
    void theJsonConfigurationWritesTheSameAppenderWithTheJsonEncoder() throws JoranException {
        assertThat(consoleEncoder(HeadNode.JSON_LOGGING_CONFIG)).isInstanceOf(JsonLogEncoder.class);
    }

    @Test
    void theTextConfigurationWritesReadableLines() throws JoranException {
        assertThat(consoleEncoder(HeadNode.LOGGING_CONFIG)).isInstanceOf(PatternLayoutEncoderBase.class);
    }

    private static Encoder<ILoggingEvent> consoleEncoder(String location) throws JoranException {
        URL file = HeadLoggingConfigTest.class.getResource("/" + location.substring("classpath:".length()));
        assertThat(file).as(location).isNotNull();
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(file);
        try {
            OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>)
                    context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
            return console.getEncoder();
        } finally {
            context.stop();
        }
    }
}
