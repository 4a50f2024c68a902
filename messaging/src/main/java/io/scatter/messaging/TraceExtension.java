package io.scatter.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CloudEvents Distributed Tracing extension: a message's W3C Trace Context as the event's {@code traceparent} and
 * {@code tracestate} extension attributes, so in binary mode the headers {@code cloudEvents:traceparent} and
 * {@code cloudEvents:tracestate}.
 */
public final class TraceExtension {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private TraceExtension() {
    }

    /** The trace context fields {@code event} carries; empty when it carries none. */
    public static Map<String, String> read(CloudEvent event) {
        Map<String, String> context = new LinkedHashMap<>();
        for (String field : new String[]{TRACEPARENT, TRACESTATE}) {
            Object value = event.getExtension(field);
            if (value != null && !value.toString().isBlank()) {
                context.put(field, value.toString());
            }
        }
        return context;
    }

    /** {@code event} carrying the trace context fields of {@code context}; {@code event} itself when there are none. */
    public static CloudEvent write(CloudEvent event, Map<String, String> context) {
        String traceparent = context.get(TRACEPARENT);
        if (traceparent == null || traceparent.isBlank()) {
            return event;
        }
        CloudEventBuilder builder = CloudEventBuilder.from(event).withExtension(TRACEPARENT, traceparent);
        String tracestate = context.get(TRACESTATE);
        if (tracestate != null && !tracestate.isBlank()) {
            builder.withExtension(TRACESTATE, tracestate);
        }
        return builder.build();
    }
}
