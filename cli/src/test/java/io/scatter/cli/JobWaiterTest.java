package io.scatter.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JobWaiterTest {

    @Test
    void pollsEvery250MsUnlessTheServerSaysOtherwise() {
        assertThat(JobWaiter.delay(Optional.empty())).isEqualTo(Duration.ofMillis(250));
        assertThat(JobWaiter.delay(Optional.of(Duration.ZERO))).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void honoursRetryAfterUpToOneSecond() {
        assertThat(JobWaiter.delay(Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(1));
        assertThat(JobWaiter.delay(Optional.of(Duration.ofSeconds(120)))).isEqualTo(Duration.ofSeconds(1));
    }
}
