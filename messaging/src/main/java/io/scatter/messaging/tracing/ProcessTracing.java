package io.scatter.messaging.tracing;

import java.util.Map;

/**
 * A process's tracing, from start to shutdown: the OpenTelemetry SDK configured by the standard {@code OTEL_*}
 * settings when {@link TracingSwitch} says so, else {@link Tracing#OFF} (and no SDK class is loaded). Closing it
 * flushes and stops the SDK.
 */
public final class ProcessTracing implements AutoCloseable {

    private final Tracing tracing;
    private final Runnable shutdown;

    ProcessTracing(Tracing tracing, Runnable shutdown) {
        this.tracing = tracing;
        this.shutdown = shutdown;
    }

    /**
     * Starts tracing as {@code serviceName} (unless {@code OTEL_SERVICE_NAME} says otherwise), the instance named
     * {@code instanceId} when not null, if {@code environment} and the system properties turn it on.
     *
     * @throws IllegalArgumentException when an {@code OTEL_*} setting is invalid
     */
    public static ProcessTracing start(String serviceName, String instanceId, Map<String, String> environment) {
        if (!TracingSwitch.enabled(environment, System.getProperties())) {
            return new ProcessTracing(Tracing.OFF, () -> { });
        }
        return TracingSdk.start(serviceName, instanceId);
    }

    public Tracing tracing() {
        return tracing;
    }

    /** Exports the spans still buffered and stops the SDK; idempotent. */
    @Override
    public void close() {
        shutdown.run();
    }
}
