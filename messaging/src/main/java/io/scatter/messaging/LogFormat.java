package io.scatter.messaging;

import io.scatter.messaging.Settings.UsageException;

import java.util.Locale;

/** How a Scatter process writes its log lines: readable text (the default) or one JSON object a line. */
public enum LogFormat {
    TEXT, JSON;

    /** The format {@code --log-format} / {@code SCATTER_LOG_FORMAT} names, in any case. */
    public static LogFormat of(Settings settings) throws UsageException {
        String text = settings.get(Settings.LOG_FORMAT).trim();
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(Settings.LOG_FORMAT.flag() + " (or " + Settings.LOG_FORMAT.environment()
                    + ") must be 'text' or 'json', got '" + text + "'");
        }
    }
}
