package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.scatter.e2e.OtlpReceiver.ReceivedSpan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API and two worker processes export their spans over OTLP to a receiver the test runs on loopback: a job of
 * four tasks is one trace, from the request through the outbox, both workers and the results, in the shape
 * docs/observability.md describes.
 */
class TracingIT {

    private static final Duration SPANS_WAIT = Duration.ofMinutes(1);

    private static OtlpReceiver receiver;
    private static ScatterCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        receiver = OtlpReceiver.start();
        cluster = ScatterCluster.builder().workers(2).workerConcurrency(1).environment(receiver.environment()).start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aFourTaskJobIsOneTraceFromItsRequestThroughBothWorkersToItsResults() throws Exception {
        String id = cluster.submit("""
                {"type":"prime-count","input":{"from":0,"to":4000000},"options":{"algorithm":"sieve","tasks":4}}""");

        JsonNode job = cluster.awaitFinished(id);

        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        String traceId = job.get("traceId").asText();
        assertThat(traceId).matches("[0-9a-f]{32}");
        List<ReceivedSpan> trace = Poll.until("the job's 21 spans", SPANS_WAIT,
                () -> receiver.spans().stream().filter(span -> span.traceId().equals(traceId)).toList(),
                spans -> spans.size() >= 21 && named(spans, "process scatter.results").size() == 4);

        assertThat(receiver.spans()).filteredOn(span -> id.equals(span.attribute("scatter.job.id")))
                .as("every span about the job is in its trace").isNotEmpty()
                .allSatisfy(span -> assertThat(span.traceId()).isEqualTo(traceId));

        ReceivedSpan request = single(named(trace, "POST /api/v1/jobs"));
        assertThat(request.parentSpanId()).as("the request span is the root").isEmpty();
        assertThat(request.kind()).isEqualTo("SPAN_KIND_SERVER");
        assertThat(request.service()).isEqualTo("scatter-api");
        assertThat(request.attributes()).containsEntry("http.request.method", "POST")
                .containsEntry("http.route", "/api/v1/jobs").containsEntry("http.response.status_code", "202");

        List<ReceivedSpan> publishes = named(trace, "send scatter.tasks");
        assertThat(publishes).hasSize(4).allSatisfy(publish -> {
            assertThat(publish.parentSpanId()).isEqualTo(request.spanId());
            assertThat(publish.kind()).isEqualTo("SPAN_KIND_PRODUCER");
            assertThat(publish.attributes()).containsEntry("messaging.system", "rabbitmq")
                    .containsEntry("messaging.destination.name", "scatter.tasks").containsKey("messaging.message.id");
        });

        List<ReceivedSpan> consumes = named(trace, "process scatter.tasks");
        assertThat(consumes).hasSize(4);
        assertThat(consumes).extracting(ReceivedSpan::parentSpanId)
                .as("each task message's consume span is a child of its own publish span")
                .containsExactlyInAnyOrderElementsOf(ids(publishes));
        assertThat(consumes).extracting(span -> span.attribute("scatter.task.index"))
                .containsExactlyInAnyOrder("0", "1", "2", "3");
        assertThat(consumes).allSatisfy(consume -> {
            assertThat(consume.kind()).isEqualTo("SPAN_KIND_CONSUMER");
            assertThat(consume.service()).isEqualTo("scatter-worker");
            assertThat(consume.serviceInstance()).isEqualTo(consume.attribute("scatter.worker"));
            assertThat(consume.attributes()).containsEntry("scatter.job.id", id)
                    .containsEntry("scatter.job.type", "prime-count").containsEntry("scatter.task.count", "4")
                    .containsKeys("scatter.task.from", "scatter.task.to");
        });
        assertThat(consumes).extracting(span -> span.attribute("scatter.worker")).as("both workers took tasks")
                .containsOnly("worker-1", "worker-2").contains("worker-1", "worker-2");

        List<ReceivedSpan> computes = named(trace, "compute prime-count");
        assertThat(computes).extracting(ReceivedSpan::parentSpanId).containsExactlyInAnyOrderElementsOf(ids(consumes));
        assertThat(computes).allSatisfy(compute -> assertThat(compute.kind()).isEqualTo("SPAN_KIND_INTERNAL"));

        List<ReceivedSpan> resultSends = named(trace, "send scatter.results");
        assertThat(resultSends).extracting(ReceivedSpan::parentSpanId)
                .containsExactlyInAnyOrderElementsOf(ids(consumes));
        assertThat(resultSends).allSatisfy(send -> assertThat(send.kind()).isEqualTo("SPAN_KIND_PRODUCER"));

        List<ReceivedSpan> applies = named(trace, "process scatter.results");
        assertThat(applies).extracting(ReceivedSpan::parentSpanId)
                .as("each result's apply span is a child of its send span")
                .containsExactlyInAnyOrderElementsOf(ids(resultSends));
        assertThat(applies).allSatisfy(apply -> {
            assertThat(apply.service()).isEqualTo("scatter-api");
            assertThat(apply.kind()).isEqualTo("SPAN_KIND_CONSUMER");
            assertThat(apply.attributes()).containsEntry("scatter.result.duplicate", "false");
        });
    }

    private static List<ReceivedSpan> named(List<ReceivedSpan> spans, String name) {
        return spans.stream().filter(span -> span.name().equals(name)).toList();
    }

    private static ReceivedSpan single(List<ReceivedSpan> spans) {
        assertThat(spans).hasSize(1);
        return spans.get(0);
    }

    private static Set<String> ids(List<ReceivedSpan> spans) {
        return spans.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
    }
}
