package io.scatter.messaging.transport;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.transport.TaskDelivery;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.CloudEventAmqpCodec;
import io.scatter.messaging.ConfirmingPublisher;
import io.scatter.messaging.OutgoingMessage;
import io.scatter.messaging.ScatterEvents;
import io.scatter.messaging.TraceExtension;
import io.scatter.messaging.tracing.Tracing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Over RabbitMQ, a task's trace context reaches its worker, and a result carries the context of its send span. */
class RabbitTaskTransportTracingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

    private static RabbitTransportFixture fixture;

    @BeforeAll
    static void createVhost() throws Exception {
        fixture = RabbitTransportFixture.create("transport-tracing");
    }

    @AfterAll
    static void deleteVhost() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @AfterEach
    void closeTransports() {
        fixture.closeAll();
    }

    @Test
    void aTaskDeliveryHasTheTraceContextItsMessageCarried() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        TaskMessage task = new TaskMessage(UUID.randomUUID(), 0, 1, "prime-count", Map.of("from", 0, "to", 99));
        Map<String, String> context = Map.of(TraceExtension.TRACEPARENT,
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        try (BrokerConnection connection = BrokerConnection.open(fixture.uri(), "traced-publisher", null);
             ConfirmingPublisher publisher = new ConfirmingPublisher(connection)) {
            publisher.publish(new OutgoingMessage(TaskMessage.EXCHANGE, TaskMessage.ROUTING_KEY,
                    TraceExtension.write(ScatterEvents.event("task-1", Channels.API_SOURCE,
                            task.jobId().toString(), Instant.now(), task), context)), WAIT);
        }
        BlockingQueue<TaskDelivery> tasks = new LinkedBlockingQueue<>();

        transport.consumeTasks(1, tasks::add);

        TaskDelivery delivery = tasks.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(delivery).isNotNull();
        assertThat(delivery.traceContext()).isEqualTo(context);
        delivery.ack();
    }

    @Test
    void aResultIsSentInAProducerSpanChildOfTheCurrentContextAndCarriesThatSpansContext() throws Exception {
        RabbitTaskTransport transport = fixture.newTransport();
        Tracing tracing = Tracing.with(otel.getOpenTelemetry());
        transport.traceWith(tracing);
        TaskMessage task = new TaskMessage(UUID.randomUUID(), 1, 4, "prime-count", Map.of("from", 100, "to", 199));
        TaskResultMessage result = TaskResultMessage.succeeded(task, Map.of("count", 21), "w-1", 1,
                Instant.now().minusMillis(5), Instant.now());
        Span process = tracing.tracer().spanBuilder("process scatter.tasks").startSpan();

        try (Scope scope = process.makeCurrent()) {
            transport.publishResultAsync("result-1", result).toCompletableFuture().get(WAIT.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        process.end();

        SpanData send = otel.getSpans().stream().filter(span -> span.getName().equals("send scatter.results"))
                .findFirst().orElseThrow();
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(send.getParentSpanId()).isEqualTo(process.getSpanContext().getSpanId());
        try (Channel channel = fixture.channel()) {
            GetResponse response = channel.basicGet(Channels.RESULTS_QUEUE, true);
            assertThat(response).isNotNull();
            Map<String, String> carried = TraceExtension.read(CloudEventAmqpCodec.decode(response.getProps(),
                    response.getBody()));
            assertThat(Span.fromContext(tracing.extract(carried)).getSpanContext().getSpanId())
                    .isEqualTo(send.getSpanId());
            assertThat(response.getProps().getHeaders()).containsKey("cloudEvents:traceparent");
        }
        assertThat(Span.fromContext(Context.current()).getSpanContext().isValid()).isFalse();
    }
}
