package io.scatter.worker.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes each logging event as one line of JSON with the fields of the API's JSON logs (Spring Boot's logstash
 * format): {@code @timestamp}, {@code level}, {@code logger_name}, {@code thread_name}, {@code message}, every MDC
 * entry and key-value pair as a top-level field, marker names in {@code tags}, and {@code stack_trace}.
 */
public final class JsonLogEncoder extends EncoderBase<ILoggingEvent> {

    private static final Set<String> OWN_FIELDS = Set.of("@timestamp", "@version", "message", "logger_name",
            "thread_name", "level", "level_value", "tags", "stack_trace");

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"@timestamp\":");
        string(json, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                OffsetDateTime.ofInstant(event.getInstant(), ZoneId.systemDefault())));
        json.append(",\"@version\":\"1\"");
        field(json, "message", event.getFormattedMessage());
        field(json, "logger_name", event.getLoggerName());
        field(json, "thread_name", event.getThreadName());
        field(json, "level", event.getLevel().toString());
        json.append(",\"level_value\":").append(event.getLevel().toInt());
        for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
            if (!OWN_FIELDS.contains(entry.getKey())) {
                field(json, entry.getKey(), entry.getValue());
            }
        }
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                if (!OWN_FIELDS.contains(pair.key)) {
                    field(json, pair.key, String.valueOf(pair.value));
                }
            }
        }
        tags(json, event.getMarkerList());
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            field(json, "stack_trace", ThrowableProxyUtil.asString(thrown));
        }
        return json.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    private static void tags(StringBuilder json, List<Marker> markers) {
        if (markers == null || markers.isEmpty()) {
            return;
        }
        json.append(",\"tags\":[");
        for (int i = 0; i < markers.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            string(json, markers.get(i).getName());
        }
        json.append(']');
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append(',');
        string(json, name);
        json.append(':');
        if (value == null) {
            json.append("null");
        } else {
            string(json, value);
        }
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
