package io.scatter.cli;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JobWaiterTest {

    @Test
    void polls_every_250_ms_unless_the_server_says_otherwise() {
        assertThat(JobWaiter.delay(Optional.empty())).isEqualTo(Duration.ofMillis(250));
        assertThat(JobWaiter.delay(Optional.of(Duration.ZERO))).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void honours_retry_after_up_to_one_second() {
        assertThat(JobWaiter.delay(Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(1));
        assertThat(JobWaiter.delay(Optional.of(Duration.ofSeconds(120)))).isEqualTo(Duration.ofSeconds(1));
    }
}
