package io.scatter.messaging.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskMessage;
import io.scatter.engine.transport.TaskDelivery;
import io.scatter.engine.worker.TaskObserver;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * Traces a worker's tasks: a CONSUMER span per delivery, child of the context its message carried, current (with the
 * log's {@code trace_id} and {@code span_id}) while the runner handles, publishes and settles it, and ended at the
 * settlement; the computation is an INTERNAL child span with its real start and end.
 */
public final class TracingTaskObserver implements TaskObserver {

    private final Tracing tracing;
    private final String worker;

    public TracingTaskObserver(Tracing tracing, String worker) {
        this.tracing = tracing;
        this.worker = worker;
    }

    @Override
    public Observation taskReceived(TaskDelivery delivery) {
        TaskMessage task = delivery.task();
        Span span = tracing.startProcess(tracing.extract(delivery.traceContext()), Channels.TASKS_QUEUE, null);
        span.setAllAttributes(ScatterAttributes.of(task));
        span.setAttribute(ScatterAttributes.WORKER, worker);
        span.setAttribute(ScatterAttributes.TASK_ATTEMPT, delivery.attempt());
        return new TaskSpan(span);
    }

    /** The spans of one delivery. */
    private final class TaskSpan implements Observation {

        private final Span span;
        private final Context context;

        TaskSpan(Span span) {
            this.span = span;
            this.context = Context.root().with(span);
        }

        @Override
        public <T> T inContext(Supplier<T> work) {
            try (Scope scope = context.makeCurrent(); TraceMdc mdc = TraceMdc.of(span)) {
                return work.get();
            }
        }

        @Override
        public void computed(TaskMessage task, Instant startedAt, Instant endedAt, Throwable failure,
                             boolean timedOut) {
            Span compute = tracing.tracer().spanBuilder("compute " + task.jobType())
                    .setParent(context)
                    .setSpanKind(SpanKind.INTERNAL)
                    .setStartTimestamp(startedAt)
                    .setAllAttributes(ScatterAttributes.of(task))
                    .setAttribute(ScatterAttributes.WORKER, worker)
                    .startSpan();
            if (timedOut) {
                compute.setStatus(StatusCode.ERROR, "outran its deadline");
            } else if (failure != null) {
                compute.recordException(failure);
                compute.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
            }
            compute.end(endedAt);
        }

        @Override
        public void settled(Settlement settlement, String reason) {
            span.setAttribute(ScatterAttributes.SETTLEMENT, settlement.name().toLowerCase());
            if (settlement == Settlement.FAILED || settlement == Settlement.RETRIED
                    || settlement == Settlement.DEAD_LETTERED) {
                span.setStatus(StatusCode.ERROR, reason == null ? settlement.name().toLowerCase() : reason);
            }
            span.end();
        }
    }
}
