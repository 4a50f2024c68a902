package io.scatter.core.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class JobStatusTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "QUEUED, RUNNING", "QUEUED, SUCCEEDED", "QUEUED, FAILED", "QUEUED, CANCELLED",
            "RUNNING, SUCCEEDED", "RUNNING, FAILED", "RUNNING, CANCELLED"})
    void liveJobsMayMoveForward(JobStatus from, JobStatus to) {
        assertThat(from.canMoveTo(to)).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"QUEUED, QUEUED", "RUNNING, QUEUED", "RUNNING, RUNNING"})
    void liveJobsNeverMoveBackOrStayPut(JobStatus from, JobStatus to) {
        assertThat(from.canMoveTo(to)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"SUCCEEDED", "FAILED", "CANCELLED"})
    void succeededFailedAndCancelledJobsHaveEnded(JobStatus status) {
        assertThat(status.isFinal()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"SUCCEEDED", "CANCELLED"})
    void succeededAndCancelledLeadNowhere(JobStatus status) {
        for (JobStatus next : JobStatus.values()) {
            assertThat(status.canMoveTo(next)).isFalse();
        }
    }

    @Test
    void aFailedJobLeadsBackToRunningOnlyForARetry() {
        assertThat(JobStatus.FAILED.canMoveTo(JobStatus.RUNNING)).isTrue();
        for (JobStatus next : new JobStatus[]{JobStatus.QUEUED, JobStatus.SUCCEEDED, JobStatus.FAILED,
                JobStatus.CANCELLED}) {
            assertThat(JobStatus.FAILED.canMoveTo(next)).as("FAILED -> " + next).isFalse();
        }
    }

    @Test
    void queuedAndRunningAreNotFinal() {
        assertThat(JobStatus.QUEUED.isFinal()).isFalse();
        assertThat(JobStatus.RUNNING.isFinal()).isFalse();
    }
}
