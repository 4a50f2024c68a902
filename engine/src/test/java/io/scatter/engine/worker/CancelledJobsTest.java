package io.scatter.engine.worker;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CancelledJobsTest {

    @Test
    void remembersCancelledJobsAndForgetsTheOldestBeyondItsCapacity() {
        CancelledJobs jobs = new CancelledJobs(2);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();

        jobs.add(first);
        jobs.add(second);
        jobs.add(third);

        assertThat(jobs.contains(first)).isFalse();
        assertThat(jobs.contains(second)).isTrue();
        assertThat(jobs.contains(third)).isTrue();
    }
}
