package io.scatter.messaging.tracing;

import java.util.Locale;
import java.util.Map;

/**
 * Whether a process traces, from the standard OpenTelemetry settings (environment variables, or the equivalent
 * {@code otel.*} system properties): only when an OTLP endpoint is set ({@code OTEL_EXPORTER_OTLP_ENDPOINT} or
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) or {@code OTEL_TRACES_EXPORTER} names an exporter other than
 * {@code none}, and never when {@code OTEL_SDK_DISABLED=true}. Reads no OpenTelemetry class.
 */
public final class TracingSwitch {

    private TracingSwitch() {
    }

    /** Whether {@code environment} and {@code properties} turn tracing on. */
    public static boolean enabled(Map<String, String> environment, Map<?, ?> properties) {
        if ("true".equalsIgnoreCase(setting(environment, properties, "OTEL_SDK_DISABLED"))) {
            return false;
        }
        String exporter = setting(environment, properties, "OTEL_TRACES_EXPORTER");
        if (exporter != null) {
            return !exporter.strip().equalsIgnoreCase("none");
        }
        return setting(environment, properties, "OTEL_EXPORTER_OTLP_ENDPOINT") != null
                || setting(environment, properties, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") != null;
    }

    /** The non-blank setting {@code variable}: its system property ({@code otel.x.y}) wins over the variable. */
    private static String setting(Map<String, String> environment, Map<?, ?> properties, String variable) {
        Object property = properties.get(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
        String value = property != null ? property.toString() : environment.get(variable);
        return value == null || value.isBlank() ? null : value;
    }
}
