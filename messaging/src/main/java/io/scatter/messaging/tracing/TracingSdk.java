package io.scatter.messaging.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.resources.Resource;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds the OpenTelemetry SDK with its autoconfiguration, so every standard {@code OTEL_*} setting applies; Scatter
 * only sets defaults: the service name and instance, OTLP over HTTP/protobuf, and no metrics or logs exported (traces
 * only). Loaded only when tracing is on: the apps bring the SDK, the OTLP exporter and its JDK HTTP sender.
 */
final class TracingSdk {

    private static final AttributeKey<String> SERVICE_INSTANCE_ID = AttributeKey.stringKey("service.instance.id");
    private static final long SHUTDOWN_SECONDS = 10;

    private TracingSdk() {
    }

    static ProcessTracing start(String serviceName, String instanceId) {
        Map<String, String> defaults = new HashMap<>();
        defaults.put("otel.service.name", serviceName);
        defaults.put("otel.exporter.otlp.protocol", "http/protobuf");
        defaults.put("otel.metrics.exporter", "none");
        defaults.put("otel.logs.exporter", "none");
        OpenTelemetrySdk sdk;
        try {
            sdk = AutoConfiguredOpenTelemetrySdk.builder()
                    .addPropertiesSupplier(() -> defaults)
                    .addResourceCustomizer((resource, config) -> instanceId == null
                            || config.getMap("otel.resource.attributes").containsKey(SERVICE_INSTANCE_ID.getKey())
                            ? resource : withInstance(resource, instanceId))
                    .disableShutdownHook()
                    .build()
                    .getOpenTelemetrySdk();
        } catch (ConfigurationException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IllegalArgumentException("invalid OpenTelemetry setting: " + cause.getMessage(), e);
        }
        return new ProcessTracing(Tracing.with(sdk), () -> sdk.shutdown().join(SHUTDOWN_SECONDS, TimeUnit.SECONDS));
    }

    /** {@code resource} as the instance {@code instanceId}, in place of the random id the SDK gives by default. */
    private static Resource withInstance(Resource resource, String instanceId) {
        return Resource.create(resource.getAttributes().toBuilder().put(SERVICE_INSTANCE_ID, instanceId).build(),
                resource.getSchemaUrl());
    }
}
