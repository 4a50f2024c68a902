package io.scatter.core.job;

import io.scatter.core.jobtype.JobType;
import io.scatter.core.prime.PrimeCountJobType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobTest {

    private static final JobType PRIME_COUNT = new PrimeCountJobType();
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(1);
    private static final Instant T2 = T0.plusSeconds(2);

    private final Job job = Job.queued(UUID.randomUUID(), PRIME_COUNT, 3);

    @Test
    void aQueuedJobHasNothingDoneAndTheEmptyResultSoFar() {
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.tasksDone()).isZero();
        assertThat(job.percent()).isZero();
        assertThat(job.partialResult()).isEqualTo(Map.of("count", 0L));
        assertThat(job.result()).isNull();
        assertThat(job.startedAt()).isNull();
    }

    @Test
    void theFirstTaskResultStartsTheJobAndTheLastCompletesIt() {
        job.taskSucceeded(Map.of("count", 4L), T0, T1);
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.startedAt()).isEqualTo(T0);
        assertThat(job.percent()).isEqualTo(33);
        assertThat(job.result()).isNull();

        job.taskSucceeded(Map.of("count", 21L), T1, T1);
        assertThat(job.percent()).isEqualTo(66);

        job.taskSucceeded(Map.of("count", 143L), T1, T2);
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.tasksDone()).isEqualTo(3);
        assertThat(job.percent()).isEqualTo(100);
        assertThat(job.result()).isEqualTo(Map.of("count", 168L));
        assertThat(job.finishedAt()).isEqualTo(T2);
    }

    @Test
    void startingIsIdempotentOnceRunning() {
        job.start(T0);
        job.start(T1);

        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.startedAt()).isEqualTo(T0);
    }

    @Test
    void resultsArrivingAfterCancellationAreIgnored() {
        job.taskSucceeded(Map.of("count", 4L), T0, T0);
        job.cancel(T1);

        job.taskSucceeded(Map.of("count", 21L), T1, T2);

        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.tasksDone()).isEqualTo(1);
        assertThat(job.partialResult()).isEqualTo(Map.of("count", 4L));
        assertThat(job.result()).isNull();
        assertThat(job.finishedAt()).isEqualTo(T1);
    }

    @Test
    void aFailedJobKeepsItsReasonAndIgnoresLaterFailuresAndResults() {
        job.start(T0);
        job.fail("task 2 failed for good", T1);
        job.fail("another reason", T2);
        job.taskSucceeded(Map.of("count", 4L), T2, T2);

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).isEqualTo("task 2 failed for good");
        assertThat(job.finishedAt()).isEqualTo(T1);
        assertThat(job.tasksDone()).isZero();
    }

    @Test
    void aQueuedJobCanBeCancelledButNotTwice() {
        job.cancel(T0);

        assertThatThrownBy(() -> job.cancel(T1))
                .isInstanceOfSatisfying(IllegalJobTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(JobStatus.CANCELLED);
                    assertThat(e.to()).isEqualTo(JobStatus.CANCELLED);
                });
    }

    @Test
    void aSucceededJobCannotBeCancelledOrRestarted() {
        Job single = Job.queued(UUID.randomUUID(), PRIME_COUNT, 1);
        single.taskSucceeded(Map.of("count", 1L), T0, T1);

        assertThatThrownBy(() -> single.cancel(T2))
                .isInstanceOf(IllegalJobTransitionException.class)
                .hasMessage("a job cannot move from SUCCEEDED to CANCELLED");
        assertThatThrownBy(() -> single.start(T2)).isInstanceOf(IllegalJobTransitionException.class);
        assertThatThrownBy(() -> single.complete(T2)).isInstanceOf(IllegalJobTransitionException.class);
        assertThat(single.status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aFailedJobIsNotStartedAgainByALateResultOrByStart() {
        job.taskSucceeded(Map.of("count", 4L), T0, T0);
        job.fail("task 1 failed for good", T1);

        assertThatThrownBy(() -> job.start(T2))
                .isInstanceOfSatisfying(IllegalJobTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(JobStatus.FAILED);
                    assertThat(e.to()).isEqualTo(JobStatus.RUNNING);
                });
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void aRetryReopensAFailedJobKeepingWhatItHadDone() {
        job.taskSucceeded(Map.of("count", 4L), T0, T0);
        job.fail("task 1 failed on worker dead-letter-queue: delivery_limit", T1);

        job.retry(T2);

        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.error()).isNull();
        assertThat(job.finishedAt()).isNull();
        assertThat(job.startedAt()).isEqualTo(T0);
        assertThat(job.tasksDone()).isEqualTo(1);
        assertThat(job.partialResult()).isEqualTo(Map.of("count", 4L));
    }

    @Test
    void aRetriedJobCountsTheRetriedTasksAndSucceedsWithTheExactResult() {
        job.taskSucceeded(Map.of("count", 4L), T0, T0);
        job.fail("task 1 failed", T1);
        job.retry(T1);

        job.taskSucceeded(Map.of("count", 21L), T1, T1);
        job.taskSucceeded(Map.of("count", 143L), T1, T2);

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.result()).isEqualTo(Map.of("count", 168L));
        assertThat(job.finishedAt()).isEqualTo(T2);
    }

    @Test
    void aJobThatFailedBeforeStartingIsRunningFromItsRetry() {
        job.fail("task 0 failed", T0);

        job.retry(T1);

        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.startedAt()).isEqualTo(T1);
    }

    @Test
    void aRetriedJobCanFailAgainAndBeRetriedAgain() {
        job.fail("first", T0);
        job.retry(T1);
        job.fail("second", T2);

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).isEqualTo("second");
        job.retry(T2);
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void onlyAFailedJobCanBeRetried() {
        Job queued = Job.queued(UUID.randomUUID(), PRIME_COUNT, 2);
        Job running = Job.queued(UUID.randomUUID(), PRIME_COUNT, 2);
        running.start(T0);
        Job succeeded = Job.queued(UUID.randomUUID(), PRIME_COUNT, 1);
        succeeded.taskSucceeded(Map.of("count", 1L), T0, T1);
        Job cancelled = Job.queued(UUID.randomUUID(), PRIME_COUNT, 2);
        cancelled.cancel(T0);

        for (Job notFailed : new Job[]{queued, running, succeeded, cancelled}) {
            JobStatus before = notFailed.status();
            assertThatThrownBy(() -> notFailed.retry(T2))
                    .isInstanceOfSatisfying(IllegalJobTransitionException.class, e -> {
                        assertThat(e.from()).isEqualTo(before);
                        assertThat(e.to()).isEqualTo(JobStatus.RUNNING);
                        assertThat(e).hasMessage("only a FAILED job can be retried; this one is " + before);
                    });
            assertThat(notFailed.status()).isEqualTo(before);
        }
        assertThat(succeeded.result()).isEqualTo(Map.of("count", 1L));
        assertThat(cancelled.finishedAt()).isEqualTo(T0);
    }

    @Test
    void aJobNeedsAtLeastOneTaskAndAPlausibleCount() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> Job.queued(id, PRIME_COUNT, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Job.restore(id, PRIME_COUNT, 2, JobStatus.RUNNING, 3, null, null, T0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRestoredJobCarriesOnWhereItStopped() {
        Job restored = Job.restore(UUID.randomUUID(), PRIME_COUNT, 2, JobStatus.RUNNING, 1,
                Map.of("count", 10L), null, T0, null);

        restored.taskSucceeded(Map.of("count", 5L), T1, T2);

        assertThat(restored.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(restored.result()).isEqualTo(Map.of("count", 15L));
        assertThat(restored.startedAt()).isEqualTo(T0);
    }

    @Test
    void percentRoundsDownSoOnlyAFinishedJobShows100() {
        Job large = Job.queued(UUID.randomUUID(), PRIME_COUNT, 1000);
        for (int i = 0; i < 999; i++) {
            large.taskSucceeded(Map.of("count", 0L), T0, T1);
        }

        assertThat(large.percent()).isEqualTo(99);
        assertThat(large.status()).isEqualTo(JobStatus.RUNNING);
    }
}
