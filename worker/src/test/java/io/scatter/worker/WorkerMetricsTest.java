package io.scatter.worker;

import io.scatter.contracts.TaskMessage;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.worker.TaskObserver.Observation;
import io.scatter.engine.worker.TaskObserver.Settlement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.scatter.engine.testing.TaskDeliveryBuilder.aDeliveryOf;
import static org.assertj.core.api.Assertions.assertThat;

class WorkerMetricsTest {

    private final WorkerMetrics metrics = new WorkerMetrics(JobTypes.load(), "pi-1");

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void aSucceededPrimeCountTaskIsCountedTimedAndChecksItsRangesWidth() {
        Observation observation = metrics.taskReceived(aDeliveryOf(primeCount(1_000, 1_999)).build());
        assertThat(metrics.scrape()).contains("scatter_worker_tasks_in_flight{worker=\"pi-1\"} 1.0");

        observation.computed(primeCount(1_000, 1_999), Instant.ofEpochSecond(100), Instant.ofEpochMilli(100_300),
                null, false);
        observation.settled(Settlement.SUCCEEDED, null);

        String scraped = metrics.scrape();
        assertThat(scraped)
                .contains("scatter_worker_tasks_total{outcome=\"succeeded\",type=\"prime-count\",worker=\"pi-1\"} 1.0")
                .contains("scatter_worker_numbers_checked_total{type=\"prime-count\",worker=\"pi-1\"} 1000.0")
                .contains("scatter_worker_task_duration_seconds_count{algorithm=\"sieve\",type=\"prime-count\","
                        + "worker=\"pi-1\"} 1")
                .contains("scatter_worker_task_duration_seconds_bucket{algorithm=\"sieve\",type=\"prime-count\","
                        + "worker=\"pi-1\",le=\"0.5\"} 1")
                .contains("scatter_worker_task_duration_seconds_bucket{algorithm=\"sieve\",type=\"prime-count\","
                        + "worker=\"pi-1\",le=\"0.25\"} 0")
                .contains("scatter_worker_tasks_in_flight{worker=\"pi-1\"} 0.0");
    }

    @Test
    void aDeliverySettledTwiceIsCountedOnce() {
        Observation observation = metrics.taskReceived(aDeliveryOf(primeCount(0, 9)).build());

        observation.settled(Settlement.SKIPPED, null);
        observation.settled(Settlement.RETURNED, null);

        assertThat(metrics.scrape())
                .contains("scatter_worker_tasks_total{outcome=\"skipped\",type=\"prime-count\",worker=\"pi-1\"} 1.0")
                .doesNotContain("outcome=\"returned\"")
                .contains("scatter_worker_tasks_in_flight{worker=\"pi-1\"} 0.0");
    }

    @Test
    void aFailedTaskChecksNoNumbersAndATaskWithoutAnAlgorithmIsTimedUnderNone() {
        TaskMessage task = new TaskMessage(UUID.randomUUID(), 0, 1, "expression", Map.of("expression", "1/0"));
        Observation observation = metrics.taskReceived(aDeliveryOf(task).build());

        observation.computed(task, Instant.EPOCH, Instant.EPOCH.plusMillis(2), new ArithmeticException(), false);
        observation.settled(Settlement.DEAD_LETTERED, "division by zero");

        assertThat(metrics.scrape())
                .contains("scatter_worker_tasks_total{outcome=\"dead_lettered\",type=\"expression\",worker=\"pi-1\"} 1.0")
                .contains("scatter_worker_task_duration_seconds_count{algorithm=\"none\",type=\"expression\","
                        + "worker=\"pi-1\"} 1")
                .doesNotContain("scatter_worker_numbers_checked_total{type=\"expression\"");
    }

    @Test
    void theJvmsOwnMetricsArePublishedToo() {
        assertThat(metrics.scrape()).contains("jvm_memory_used_bytes", "process_cpu_usage", "jvm_threads_live_threads",
                "process_uptime_seconds");
    }

    private static TaskMessage primeCount(long from, long to) {
        return new TaskMessage(UUID.randomUUID(), 0, 1, "prime-count",
                Map.of("from", from, "to", to, "algorithm", "sieve"));
    }
}
