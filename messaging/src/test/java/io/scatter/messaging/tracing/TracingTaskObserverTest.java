package io.scatter.messaging.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.scatter.contracts.TaskMessage;
import io.scatter.engine.worker.TaskObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.scatter.engine.testing.TaskDeliveryBuilder.aDeliveryOf;
import static org.assertj.core.api.Assertions.assertThat;

class TracingTaskObserverTest {

    @RegisterExtension
    static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

    private final Tracing tracing = Tracing.with(otel.getOpenTelemetry());
    private final TaskMessage task = new TaskMessage(UUID.randomUUID(), 2, 4, "prime-count",
            Map.of("from", 500, "to", 749, "algorithm", "sieve"));

    @Test
    void aDeliveryIsProcessedInAConsumerSpanChildOfItsMessageWithTheComputationAsAChild() {
        Span publish = tracing.tracer().spanBuilder("send scatter.tasks").startSpan();
        TaskObserver.Observation observation = new TracingTaskObserver(tracing, "w-1")
                .taskReceived(aDeliveryOf(task).traceContext(tracing.inject(Context.root().with(publish))).build());
        Instant started = Instant.parse("2026-11-26T04:00:00Z");

        String currentTrace = observation.inContext(() -> Span.current().getSpanContext().getTraceId());
        observation.computed(task, started, started.plusMillis(250), null, false);
        observation.settled(TaskObserver.Settlement.SUCCEEDED, null);
        publish.end();

        SpanData process = span("process scatter.tasks");
        SpanData compute = span("compute prime-count");
        assertThat(currentTrace).isEqualTo(publish.getSpanContext().getTraceId());
        assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(process.getParentSpanId()).isEqualTo(publish.getSpanContext().getSpanId());
        assertThat(process.getTraceId()).isEqualTo(publish.getSpanContext().getTraceId());
        assertThat(attributes(process)).contains("scatter.job.id=" + task.jobId(), "scatter.job.type=prime-count",
                "scatter.task.index=2", "scatter.task.count=4", "scatter.task.from=500", "scatter.task.to=749",
                "scatter.worker=w-1", "scatter.task.attempt=1", "scatter.task.settlement=succeeded",
                "messaging.system=rabbitmq", "messaging.operation.type=process");
        assertThat(compute.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(compute.getParentSpanId()).isEqualTo(process.getSpanId());
        assertThat(compute.getStartEpochNanos()).isEqualTo(TimeUnit.SECONDS.toNanos(started.getEpochSecond()));
        assertThat(compute.getEndEpochNanos() - compute.getStartEpochNanos())
                .isEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
        assertThat(compute.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void theTraceAndSpanIdsAreInTheLogContextOnlyWhileTheDeliveryIsHandled() {
        TaskObserver.Observation observation = new TracingTaskObserver(tracing, "w-1").taskReceived(aDeliveryOf(task).build());

        Map<String, String> during = observation.inContext(MDC::getCopyOfContextMap);
        observation.settled(TaskObserver.Settlement.SUCCEEDED, null);

        SpanData process = span("process scatter.tasks");
        assertThat(during).containsEntry("trace_id", process.getTraceId()).containsEntry("span_id", process.getSpanId());
        assertThat(MDC.get("trace_id")).isNull();
        assertThat(MDC.get("span_id")).isNull();
    }

    @Test
    void aFailedComputationAndADeadLetteredTaskEndTheirSpansInError() {
        TaskObserver.Observation observation = new TracingTaskObserver(tracing, "w-1").taskReceived(aDeliveryOf(task).build());
        Instant started = Instant.now();

        observation.computed(task, started, started.plusMillis(5), new IllegalStateException("boom"), false);
        observation.settled(TaskObserver.Settlement.DEAD_LETTERED, "boom (attempt 5 of 5)");

        assertThat(span("compute prime-count").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span("compute prime-count").getEvents()).extracting(event -> event.getName())
                .containsExactly("exception");
        assertThat(span("process scatter.tasks").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span("process scatter.tasks").getStatus().getDescription()).isEqualTo("boom (attempt 5 of 5)");
    }

    @Test
    void aTaskWithoutATraceContextStartsATraceOfItsOwn() {
        TaskObserver.Observation observation = new TracingTaskObserver(tracing, "w-1").taskReceived(aDeliveryOf(task).build());

        observation.settled(TaskObserver.Settlement.SKIPPED, null);

        SpanData process = span("process scatter.tasks");
        assertThat(process.getParentSpanContext().isValid()).isFalse();
        assertThat(attributes(process)).contains("scatter.task.settlement=skipped");
    }

    private SpanData span(String name) {
        return otel.getSpans().stream().filter(span -> span.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + otel.getSpans()));
    }

    private static java.util.List<String> attributes(SpanData span) {
        return span.getAttributes().asMap().entrySet().stream()
                .map(entry -> entry.getKey().getKey() + "=" + entry.getValue()).toList();
    }
}
