package io.scatter.worker.log;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import io.scatter.messaging.LogFormat;
import org.slf4j.LoggerFactory;

import java.util.Iterator;

/** Switches the process's log output, configured as readable text by logback.xml, to the chosen {@link LogFormat}. */
public final class LogOutput {

    private LogOutput() {
    }

    /** Writes every line the root logger's console and file appenders write from now on in {@code format}. */
    public static void use(LogFormat format) {
        if (format == LogFormat.TEXT || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders(); appenders.hasNext(); ) {
            if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
                JsonLogEncoder encoder = new JsonLogEncoder();
                encoder.setContext(context);
                encoder.start();
                appender.setEncoder(encoder);
            }
        }
    }
}
