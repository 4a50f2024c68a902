package io.scatter.messaging.tracing;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TracingSwitchTest {

    @Test
    void tracingIsOffWhenNothingIsConfigured() {
        assertThat(TracingSwitch.enabled(Map.of(), Map.of())).isFalse();
    }

    @Test
    void anOtlpEndpointTurnsTracingOn() {
        assertThat(TracingSwitch.enabled(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"), Map.of()))
                .isTrue();
        assertThat(TracingSwitch.enabled(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                "http://collector:4318/v1/traces"), Map.of())).isTrue();
    }

    @Test
    void anOtlpEndpointSystemPropertyTurnsTracingOn() {
        assertThat(TracingSwitch.enabled(Map.of(), Map.of("otel.exporter.otlp.endpoint", "http://collector:4318")))
                .isTrue();
    }

    @Test
    void aTracesExporterOtherThanNoneTurnsTracingOnAndNoneTurnsItOff() {
        assertThat(TracingSwitch.enabled(Map.of("OTEL_TRACES_EXPORTER", "console"), Map.of())).isTrue();
        assertThat(TracingSwitch.enabled(Map.of("OTEL_TRACES_EXPORTER", "none",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"), Map.of())).isFalse();
    }

    @Test
    void theSdkDisabledSwitchWinsOverAnEndpoint() {
        assertThat(TracingSwitch.enabled(Map.of("OTEL_SDK_DISABLED", "true",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"), Map.of())).isFalse();
    }

    @Test
    void aBlankEndpointLeavesTracingOff() {
        assertThat(TracingSwitch.enabled(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " "), Map.of())).isFalse();
    }
}
