package io.scatter.worker;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CancelledJobsTest {

    @Test
    void remembers_cancelled_jobs_and_forgets_the_oldest_beyond_its_capacity() {
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
        assertThat(jobs.size()).isEqualTo(2);
    }
}
