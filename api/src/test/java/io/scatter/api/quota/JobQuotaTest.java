package io.scatter.api.quota;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scatter.api.auth.Caller;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobType;
import io.scatter.core.prime.PrimeCountJobType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobQuotaTest {

    private final JobType primeCount = new PrimeCountJobType();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Caller> counted = new ArrayList<>();

    private JobQuota quota(int jobsInFlight, int tasksPerJob, long rangeWidth, long unfinished) {
        JobsInFlight inFlight = (caller, atMost) -> {
            counted.add(caller);
            return Math.min(unfinished, atMost);
        };
        return new JobQuota(new QuotaProperties(0, null, jobsInFlight, tasksPerJob, rangeWidth), inFlight,
                new QuotaRejections(registry));
    }

    private List<Map<String, Object>> primeCount(long to, int tasks) {
        JobDefinition definition = primeCount.define(Map.of("from", 0, "to", to),
                Map.of("algorithm", "sieve", "tasks", tasks));
        return primeCount.split(definition);
    }

    private double rejections(String limit) {
        return registry.counter(QuotaRejections.METRIC, "limit", limit).count();
    }

    @Test
    void aJobWithMoreTasksThanALimitAllowsIsUnprocessableAndNamesTheLimit() {
        JobQuota quota = quota(0, 5, 0, 0);

        assertThatThrownBy(() -> quota.checkSize(primeCount, primeCount(1_000, 6)))
                .isInstanceOfSatisfying(JobTooLargeException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.field()).isEqualTo("options.tasks");
                    assertThat(e.headers()).isEmpty();
                    assertThat(e.properties()).containsEntry("limit", "tasks-per-job").containsEntry("quota", 5L)
                            .containsEntry("requested", 6L);
                    assertThat(e.getMessage()).isEqualTo("the job would have 6 tasks; a job may have at most 5: "
                            + "ask for fewer tasks");
                });
        assertThat(rejections("tasks-per-job")).isEqualTo(1);
    }

    @Test
    void aJobOfExactlyTheTaskLimitIsAccepted() {
        assertThatCode(() -> quota(0, 5, 0, 0).checkSize(primeCount, primeCount(1_000, 5)))
                .doesNotThrowAnyException();
    }

    @Test
    void theRangeWidthIsTheNumbersAllTheTasksCheck() {
        JobQuota quota = quota(0, 0, 1_000, 0);

        assertThatCode(() -> quota.checkSize(primeCount, primeCount(999, 4))).doesNotThrowAnyException();
        assertThatThrownBy(() -> quota.checkSize(primeCount, primeCount(1_000, 4)))
                .isInstanceOfSatisfying(JobTooLargeException.class, e -> {
                    assertThat(e.field()).isEqualTo("input");
                    assertThat(e.properties()).containsEntry("limit", "range-width").containsEntry("requested", 1_001L);
                });
        assertThat(rejections("range-width")).isEqualTo(1);
    }

    @Test
    void aRangeWidthBeyondALongSaturatesInsteadOfOverflowing() {
        // 10,000 tasks of 10^15 numbers: 10^19 in all, past Long.MAX_VALUE
        List<Map<String, Object>> payloads = Collections.nCopies(10_000, Map.of("from", 0L, "to", 999_999_999_999_999L));

        assertThatThrownBy(() -> quota(0, 0, Long.MAX_VALUE - 1, 0).checkSize(primeCount, payloads))
                .isInstanceOf(JobTooLargeException.class);
    }

    @Test
    void aCallerAtItsQuotaOfUnfinishedJobsIsToldToRetryLater() {
        JobQuota quota = quota(3, 0, 0, 3);

        assertThatThrownBy(() -> quota.admit(Caller.ANYONE))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(429);
                    assertThat(e.headers()).containsEntry("Retry-After", "5");
                    assertThat(e.properties()).containsEntry("limit", "jobs-in-flight").containsEntry("quota", 3);
                    assertThat(e.getMessage()).contains("already has 3 jobs queued or running");
                });
        assertThat(counted).containsExactly(Caller.ANYONE);
        assertThat(rejections("jobs-in-flight")).isEqualTo(1);
    }

    @Test
    void aCallerBelowItsQuotaOfUnfinishedJobsIsAdmitted() {
        assertThatCode(() -> quota(3, 0, 0, 2).admit(Caller.ANYONE)).doesNotThrowAnyException();
    }

    @Test
    void limitsOfZeroAreOff() {
        JobQuota quota = quota(0, 0, 0, Long.MAX_VALUE);

        quota.checkSize(primeCount, primeCount(1_000_000, 10_000));
        quota.admit(Caller.ANYONE);

        assertThat(counted).as("no count without a jobs-in-flight quota").isEmpty();
    }
}
