package io.scatter.messaging.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.scatter.messaging.TraceExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TracingTest {

    @RegisterExtension
    static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

    @Test
    void aContextInjectedIntoMessageFieldsIsExtractedAsTheSameSpanContext() {
        Tracing tracing = Tracing.with(otel.getOpenTelemetry());
        Span span = tracing.tracer().spanBuilder("submit").startSpan();

        Map<String, String> fields = tracing.inject(Context.root().with(span));
        SpanContext extracted = Span.fromContext(tracing.extract(fields)).getSpanContext();

        assertThat(fields.get(TraceExtension.TRACEPARENT))
                .startsWith("00-" + span.getSpanContext().getTraceId() + "-" + span.getSpanContext().getSpanId() + "-");
        assertThat(extracted.getTraceId()).isEqualTo(span.getSpanContext().getTraceId());
        assertThat(extracted.getSpanId()).isEqualTo(span.getSpanContext().getSpanId());
        assertThat(extracted.isRemote()).isTrue();
    }

    @Test
    void aSendSpanIsAProducerChildOfItsParentWithTheMessagingAttributes() {
        Tracing tracing = Tracing.with(otel.getOpenTelemetry());
        Span parent = tracing.tracer().spanBuilder("request").startSpan();

        tracing.startSend(Context.root().with(parent), "scatter.tasks", "m-1").end();
        parent.end();

        SpanData send = otel.getSpans().stream().filter(span -> span.getName().equals("send scatter.tasks"))
                .findFirst().orElseThrow();
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(send.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
        assertThat(send.getAttributes().asMap()).extractingFromEntries(entry -> entry.getKey().getKey() + "="
                + entry.getValue()).contains("messaging.system=rabbitmq", "messaging.destination.name=scatter.tasks",
                "messaging.operation.type=send", "messaging.message.id=m-1");
    }

    @Test
    void fieldsWithoutATraceparentGiveTheRootContext() {
        Tracing tracing = Tracing.with(otel.getOpenTelemetry());

        assertThat(Span.fromContext(tracing.extract(Map.of())).getSpanContext().isValid()).isFalse();
    }

    @Test
    void tracingOffInjectsNothingAndRecordsNothing() {
        Span current = Tracing.with(otel.getOpenTelemetry()).tracer().spanBuilder("outer").startSpan();
        try (Scope scope = current.makeCurrent()) {
            assertThat(Tracing.OFF.enabled()).isFalse();
            assertThat(Tracing.OFF.inject(Context.current())).isEmpty();
            Span send = Tracing.OFF.startSend(Context.current(), "scatter.tasks", "m-1");
            assertThat(send.isRecording()).isFalse();
            send.end();
        }
        current.end();

        assertThat(otel.getSpans()).extracting(SpanData::getName).containsExactly("outer");
    }

    @Test
    void theCurrentTraceIdIsThatOfTheCurrentSpanAndNullOutsideOne() {
        Span span = Tracing.with(otel.getOpenTelemetry()).tracer().spanBuilder("request").startSpan();

        try (Scope scope = span.makeCurrent()) {
            assertThat(Tracing.currentTraceId()).isEqualTo(span.getSpanContext().getTraceId());
        }
        assertThat(Tracing.currentTraceId()).isNull();
    }
}
