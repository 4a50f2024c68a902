package io.scatter.api.tracing;

import io.scatter.messaging.tracing.ProcessTracing;
import io.scatter.messaging.tracing.Tracing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's tracing: the OpenTelemetry SDK when an OTLP endpoint is configured (the standard {@code OTEL_*}
 * variables), else {@link Tracing#OFF}; the SDK is flushed and stopped when the application context closes.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    static final String SERVICE_NAME = "scatter-api";

    @Bean(destroyMethod = "close")
    ProcessTracing processTracing() {
        return ProcessTracing.start(SERVICE_NAME, null, System.getenv());
    }

    @Bean
    Tracing tracing(ProcessTracing processTracing) {
        return processTracing.tracing();
    }
}
