package io.scatter.api.tracing;

import io.cloudevents.CloudEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import io.scatter.api.testing.BrokerProbe;
import io.scatter.api.testing.EventStreamClient;
import io.scatter.api.testing.Poll;
import io.scatter.api.testing.TaskResultBuilder;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.messaging.TraceExtension;
import io.scatter.messaging.tracing.Tracing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.scatter.api.testing.JobRequestBuilder.aPrimeCountJob;
import static io.scatter.api.testing.TaskResultBuilder.aResult;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With tracing on, a job is one trace: the request's SERVER span, the relay's send span of each task message (which
 * the message carries), and the apply span of each result, child of the context its message carried.
 */
@ApiTest
@Import(InMemoryTracing.class)
class TracedJobTest {

    private static final String REMOTE_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String REMOTE_SPAN = "00f067aa0ba902b7";
    private static final String STREAM_TRACE = "5cf92f3577b34da6a3ce929d0e0e4737";

    static final ApiEnvironment environment = ApiEnvironment.withBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
    }

    private final int port;
    private final ApiClient api;
    private final JdbcClient jdbc;
    private final InMemorySpanExporter spans;
    private final Tracing tracing;
    private final BrokerProbe broker = new BrokerProbe(environment.rabbitUri());

    @Autowired
    TracedJobTest(@LocalServerPort int port, JdbcClient jdbc, InMemorySpanExporter spans, Tracing tracing) {
        this.port = port;
        this.api = new ApiClient(port);
        this.jdbc = jdbc;
        this.spans = spans;
        this.tracing = tracing;
    }

    @BeforeEach
    void declareTopology() {
        broker.declareTopology();
    }

    @AfterEach
    void close() {
        broker.close();
    }

    @Test
    void aSubmittedJobsDocumentHasTheTraceIdOfItsRequestSpan() {
        ApiClient.Response response = api.post("/api/v1/jobs", aPrimeCountJob().tasks(2).json());
        String id = response.json().get("id").asText();

        SpanData request = awaitSpan("POST /api/v1/jobs", response.json().get("traceId").asText());
        assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(attributes(request)).contains("http.request.method=POST", "http.route=/api/v1/jobs",
                "http.response.status_code=202");
        assertThat(response.json().get("traceId").asText()).isEqualTo(request.getTraceId());
        assertThat(api.job(id).get("traceId").asText()).isEqualTo(request.getTraceId());
    }

    @Test
    void healthProbesAreNotTracedButOtherRequestsAre() {
        assertThat(api.get("/actuator/health").status()).isIn(200, 503);
        api.get("/api/v1/jobs?limit=1");

        Poll.until("the listing's span", () -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("GET /api/v1/jobs")).toList(), found -> !found.isEmpty());
        assertThat(spans.getFinishedSpanItems()).flatExtracting(TracedJobTest::attributes)
                .noneMatch(attribute -> attribute.startsWith("url.path=/actuator"));
    }

    @Test
    void anEventStreamsRequestSpanEndsOnceTheStreamIsOpenNotWithTheStream() {
        try (EventStreamClient stream = EventStreamClient.open(port, "/api/v1/jobs/events",
                Map.of("traceparent", "00-" + STREAM_TRACE + "-" + REMOTE_SPAN + "-01"))) {
            assertThat(stream.status()).isEqualTo(200);

            SpanData request = awaitSpan("GET /api/v1/jobs/events", STREAM_TRACE);

            assertThat(attributes(request)).contains("http.route=/api/v1/jobs/events", "http.response.status_code=200");
            assertThat(stream.ended()).isFalse();
        }
    }

    @Test
    void anIncomingTraceparentMakesTheRequestSpanItsChild() {
        ApiClient.Response response = api.post("/api/v1/jobs", aPrimeCountJob().tasks(1).json(),
                Map.of("traceparent", "00-" + REMOTE_TRACE + "-" + REMOTE_SPAN + "-01"));

        assertThat(response.json().get("traceId").asText()).isEqualTo(REMOTE_TRACE);
        SpanData request = awaitSpan("POST /api/v1/jobs", REMOTE_TRACE);
        assertThat(request.getParentSpanId()).isEqualTo(REMOTE_SPAN);
    }

    @Test
    void eachTaskMessageIsSentInASpanChildOfTheRequestAndCarriesThatSpansContext() {
        String id = api.submit(aPrimeCountJob().tasks(3).json());

        List<CloudEvent> events = broker.awaitEvents(Channels.TASKS_QUEUE, 3, event -> id.equals(event.getSubject()));

        SpanData request = awaitSpan("POST /api/v1/jobs", api.job(id).get("traceId").asText());
        List<SpanData> sends = Poll.until("three send spans", () -> finished("send scatter.tasks", id),
                found -> found.size() == 3);
        assertThat(sends).allSatisfy(send -> {
            assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(send.getTraceId()).isEqualTo(request.getTraceId());
            assertThat(send.getParentSpanId()).isEqualTo(request.getSpanId());
        });
        Set<String> carried = events.stream()
                .map(event -> Span.fromContext(tracing.extract(TraceExtension.read(event))).getSpanContext()
                        .getSpanId())
                .collect(Collectors.toSet());
        assertThat(carried).isEqualTo(sends.stream().map(SpanData::getSpanId).collect(Collectors.toSet()));
        assertThat(jdbc.sql("SELECT DISTINCT traceparent FROM outbox WHERE subject = ?").param(id)
                .query(String.class).list()).singleElement().asString()
                .startsWith("00-" + request.getTraceId() + "-" + request.getSpanId() + "-");
    }

    @Test
    void aResultIsAppliedInASpanChildOfItsMessageAndARedeliveryIsMarkedDuplicate() {
        String id = api.submit(aPrimeCountJob().from(0).to(100).tasks(1).json());
        TaskResultBuilder result = aResult().job(id).task(0).result(Map.of("count", 25)).worker("w-7");
        CloudEvent event = TraceExtension.write(result.event(),
                Map.of(TraceExtension.TRACEPARENT, "00-" + REMOTE_TRACE + "-" + REMOTE_SPAN + "-01"));

        broker.publish(TaskResultMessage.EXCHANGE, TaskResultMessage.ROUTING_KEY, event);
        Poll.until("the job succeeded", () -> api.job(id), job -> job.get("status").asText().equals("SUCCEEDED"));
        broker.publish(TaskResultMessage.EXCHANGE, TaskResultMessage.ROUTING_KEY, event);

        List<SpanData> applied = Poll.until("two apply spans", () -> finished("process scatter.results", id),
                found -> found.size() == 2);
        assertThat(applied).allSatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(span.getTraceId()).isEqualTo(REMOTE_TRACE);
            assertThat(span.getParentSpanId()).isEqualTo(REMOTE_SPAN);
            assertThat(attributes(span)).contains("scatter.task.index=0", "scatter.worker=w-7",
                    "messaging.message.id=" + event.getId());
        });
        assertThat(applied).extracting(span -> attributes(span).stream()
                        .filter(attribute -> attribute.startsWith("scatter.result.duplicate=")).findFirst().orElseThrow())
                .containsExactlyInAnyOrder("scatter.result.duplicate=false", "scatter.result.duplicate=true");
    }

    private SpanData awaitSpan(String name, String traceId) {
        return Poll.until("a span " + name + " in trace " + traceId, () -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(name) && span.getTraceId().equals(traceId)).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    private List<SpanData> finished(String name, String jobId) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(name) && attributes(span).contains("scatter.job.id=" + jobId))
                .toList();
    }

    private static List<String> attributes(SpanData span) {
        return span.getAttributes().asMap().entrySet().stream()
                .map(entry -> entry.getKey().getKey() + "=" + entry.getValue()).toList();
    }
}
