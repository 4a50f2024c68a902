package io.scatter.api.results;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.scatter.contracts.Channels;
import io.scatter.engine.result.ResultMessage;
import io.scatter.engine.result.ResultOutcome;
import io.scatter.messaging.tracing.ScatterAttributes;
import io.scatter.messaging.tracing.TraceMdc;
import io.scatter.messaging.tracing.Tracing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The CONSUMER spans of applying a batch of results, one per result, each a child of the context its message
 * carried; a lone result's span is current (with the log's {@code trace_id} and {@code span_id}) while it is applied.
 */
final class ResultSpans {

    private final List<Span> spans;

    private ResultSpans(List<Span> spans) {
        this.spans = spans;
    }

    /** Starts the spans of applying {@code messages}, which carried the trace contexts {@code carried}, in order. */
    static ResultSpans start(Tracing tracing, List<ResultMessage> messages, List<Map<String, String>> carried) {
        List<Span> spans = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            ResultMessage message = messages.get(i);
            Span span = tracing.startProcess(tracing.extract(carried.get(i)), Channels.RESULTS_QUEUE,
                    message.messageId());
            span.setAllAttributes(ScatterAttributes.of(message.result()));
            spans.add(span);
        }
        return new ResultSpans(spans);
    }

    /** Runs {@code apply}, with the span current when there is only one. */
    <T> T inContext(Supplier<T> apply) {
        if (spans.size() != 1) {
            return apply.get();
        }
        Span span = spans.get(0);
        try (Scope scope = Context.root().with(span).makeCurrent(); TraceMdc mdc = TraceMdc.of(span)) {
            return apply.get();
        }
    }

    /** Ends the spans of results applied with {@code outcomes}, in order. */
    void applied(List<ResultOutcome> outcomes) {
        for (int i = 0; i < spans.size(); i++) {
            ResultOutcome outcome = i < outcomes.size() ? outcomes.get(i) : null;
            Span span = spans.get(i);
            if (outcome != null) {
                span.setAttribute(ScatterAttributes.RESULT_OUTCOME, outcome.name().toLowerCase());
                span.setAttribute(ScatterAttributes.RESULT_DUPLICATE, outcome == ResultOutcome.DUPLICATE_MESSAGE);
            }
            span.end();
        }
    }

    /** Ends the spans of results that could not be applied together, because of {@code failure}. */
    void failed(RuntimeException failure) {
        for (Span span : spans) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.getMessage());
            span.end();
        }
    }
}
