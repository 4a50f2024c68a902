package io.scatter.api.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scatter.api.metrics.TaskPayloads.TaskKey;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.result.Aggregation;
import io.scatter.engine.result.ResultMessage;
import io.scatter.engine.result.ResultOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.scatter.api.testing.TaskResultBuilder.aResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class InboxMetricsTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:04Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TaskPayloads payloads = mock(TaskPayloads.class);
    private final InboxMetrics metrics = new InboxMetrics(registry, payloads, JobTypes.load(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aResultDeliveredTwiceIsCountedOnce() {
        TaskResultMessage result = aResult().task(0).message();
        when(payloads.find(anyList())).thenReturn(Map.of(new TaskKey(result.jobId(), 0),
                Map.of("from", 0L, "to", 99L, "algorithm", "sieve")));

        metrics.applied(List.of(new ResultMessage("m-1", result), new ResultMessage("m-1", result)),
                List.of(new Aggregation(ResultOutcome.APPLIED, null),
                        new Aggregation(ResultOutcome.DUPLICATE_MESSAGE, null)), Duration.ofMillis(3));

        assertThat(registry.get("scatter.tasks.completed").tags("type", "prime-count", "outcome", "succeeded")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("scatter.numbers.checked").counter().count()).isEqualTo(100);
        assertThat(registry.get("scatter.task.duration").tags("algorithm", "sieve").timer().count()).isEqualTo(1);
        assertThat(registry.get("scatter.inbox.apply").timer().count()).isEqualTo(1);
    }

    @Test
    void resultsWhosePayloadsCannotBeReadStillCountUnderNoAlgorithm() {
        TaskResultMessage result = aResult().task(1).message();
        when(payloads.find(anyList())).thenThrow(new CannotGetJdbcConnectionException("database down"));

        metrics.applied(List.of(new ResultMessage("m-4", result)),
                List.of(new Aggregation(ResultOutcome.APPLIED, null)), Duration.ofMillis(1));

        assertThat(registry.get("scatter.tasks.completed").counter().count()).isEqualTo(1);
        assertThat(registry.get("scatter.task.duration").tags("algorithm", "none").timer().count()).isEqualTo(1);
        assertThat(registry.get("scatter.numbers.checked").counter().count()).isZero();
    }

    @Test
    void aBatchOfDuplicatesIsTimedButCountsNoTaskAndReadsNoPayload() {
        TaskResultMessage result = aResult().task(0).message();

        metrics.applied(List.of(new ResultMessage("m-2", result)),
                List.of(new Aggregation(ResultOutcome.TASK_ALREADY_FINISHED, null)), Duration.ofMillis(1));

        assertThat(registry.find("scatter.tasks.completed").counter()).isNull();
        assertThat(registry.get("scatter.inbox.apply").timer().count()).isEqualTo(1);
        verifyNoInteractions(payloads);
    }

    @Test
    void aFailedResultChecksNoNumbersAndItsLatencyRunsFromItsWorkersFinishToNow() {
        TaskResultMessage failed = aResult().task(2).failed("disk full").message();
        when(payloads.find(anyList())).thenReturn(Map.of());

        metrics.applied(List.of(new ResultMessage("m-3", failed)),
                List.of(new Aggregation(ResultOutcome.APPLIED, null)), Duration.ofMillis(2));

        assertThat(registry.get("scatter.tasks.completed").tags("outcome", "failed").counter().count()).isEqualTo(1);
        assertThat(registry.find("scatter.numbers.checked").counter()).isNull();
        assertThat(registry.get("scatter.task.duration").tags("algorithm", "none").timer().count()).isEqualTo(1);
        assertThat(registry.get("scatter.inbox.result.latency").timer().totalTime(TimeUnit.SECONDS)).isEqualTo(3.0);
    }
}
