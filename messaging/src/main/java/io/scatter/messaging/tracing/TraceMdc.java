package io.scatter.messaging.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.slf4j.MDC;

/**
 * Puts a span's {@code trace_id} and {@code span_id} in the SLF4J MDC while it is current on this thread, and puts back
 * what was there before on {@link #close()}.
 */
public final class TraceMdc implements AutoCloseable {

    public static final String TRACE_ID = "trace_id";
    public static final String SPAN_ID = "span_id";

    private final String previousTraceId;
    private final String previousSpanId;
    private final boolean set;

    private TraceMdc(SpanContext context) {
        previousTraceId = MDC.get(TRACE_ID);
        previousSpanId = MDC.get(SPAN_ID);
        set = context.isValid();
        if (set) {
            MDC.put(TRACE_ID, context.getTraceId());
            MDC.put(SPAN_ID, context.getSpanId());
        }
    }

    /** The MDC fields of {@code span} (none for an invalid span, as when tracing is off) until closed. */
    public static TraceMdc of(Span span) {
        return new TraceMdc(span.getSpanContext());
    }

    @Override
    public void close() {
        if (set) {
            restore(TRACE_ID, previousTraceId);
            restore(SPAN_ID, previousSpanId);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
