package io.scatter.messaging.tracing;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessTracingTest {

    @Test
    void withoutAnEndpointTheProcessTracesNothing() {
        try (ProcessTracing tracing = ProcessTracing.start("scatter-worker", "w-1", Map.of())) {
            assertThat(tracing.tracing()).isSameAs(Tracing.OFF);
            assertThat(tracing.tracing().enabled()).isFalse();
        }
    }

    @Test
    void anUnknownTracesExporterIsAClearError() {
        System.setProperty("otel.traces.exporter", "carrier-pigeon");
        try {
            assertThatThrownBy(() -> ProcessTracing.start("scatter-worker", "w-1", Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("invalid OpenTelemetry setting: ")
                    .hasMessageContaining("carrier-pigeon");
        } finally {
            System.clearProperty("otel.traces.exporter");
        }
    }
}
