package io.scatter.messaging.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A process's tracer and the W3C Trace Context propagation of its messages, with the span shapes Scatter's messages
 * share: a producer span per message sent and a consumer span per message processed. {@link #OFF} traces nothing.
 */
public final class Tracing {

    /** Traces nothing: spans are no-ops, nothing is injected, and an extracted context is empty. */
    public static final Tracing OFF = new Tracing(OpenTelemetry.noop(), false);

    private static final String INSTRUMENTATION = "io.scatter";
    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;
    private final boolean enabled;

    private Tracing(OpenTelemetry openTelemetry, boolean enabled) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
        this.enabled = enabled;
    }

    /** Traces with {@code openTelemetry}'s tracer and propagators. */
    public static Tracing with(OpenTelemetry openTelemetry) {
        return new Tracing(Objects.requireNonNull(openTelemetry, "openTelemetry"), true);
    }

    /** Whether spans are recorded and exported. */
    public boolean enabled() {
        return enabled;
    }

    public Tracer tracer() {
        return tracer;
    }

    /** The W3C Trace Context fields of {@code context} ({@code traceparent}, {@code tracestate}); empty when off. */
    public Map<String, String> inject(Context context) {
        Map<String, String> fields = new LinkedHashMap<>();
        openTelemetry.getPropagators().getTextMapPropagator().inject(context, fields, Map::put);
        return fields;
    }

    /** The context whose fields {@link #inject} wrote, as a parent for new spans; the root context when none. */
    public Context extract(Map<String, String> fields) {
        return openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), fields, MapGetter.INSTANCE);
    }

    /**
     * Starts the PRODUCER span of sending message {@code messageId} to {@code exchange}, a child of {@code parent}:
     * named {@code send EXCHANGE}, with the messaging attributes.
     */
    public Span startSend(Context parent, String exchange, String messageId) {
        return message(parent, "send", exchange, messageId, SpanKind.PRODUCER);
    }

    /**
     * Starts the CONSUMER span of processing message {@code messageId} from {@code queue}, a child of the context the
     * message carried: named {@code process QUEUE}, with the messaging attributes.
     */
    public Span startProcess(Context parent, String queue, String messageId) {
        return message(parent, "process", queue, messageId, SpanKind.CONSUMER);
    }

    private Span message(Context parent, String operation, String destination, String messageId, SpanKind kind) {
        var builder = tracer.spanBuilder(operation + " " + destination)
                .setParent(parent)
                .setSpanKind(kind)
                .setAttribute(SYSTEM, "rabbitmq")
                .setAttribute(DESTINATION, destination)
                .setAttribute(OPERATION_TYPE, operation)
                .setAttribute(OPERATION_NAME, operation);
        if (messageId != null) {
            builder.setAttribute(MESSAGE_ID, messageId);
        }
        return builder.startSpan();
    }

    /** The trace id of the span current on this thread, or null when none is (tracing is off, or outside a span). */
    public static String currentTraceId() {
        SpanContext current = Span.current().getSpanContext();
        return current.isValid() ? current.getTraceId() : null;
    }

    private enum MapGetter implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }
}
