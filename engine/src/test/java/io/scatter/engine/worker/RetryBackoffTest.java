package io.scatter.engine.worker;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    private final SplittableRandom random = new SplittableRandom(42);

    @Test
    void eachAttemptWaitsBetweenHalfAndAllOfTwiceThePreviousDelay() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            long full = 1000L << (attempt - 1);
            for (int draw = 0; draw < 200; draw++) {
                assertThat(backoff.delayAfter(attempt, random).toMillis()).isBetween(full / 2, full);
            }
        }
    }

    @Test
    void theDelayNeverExceedsTheMaximumHoweverManyAttemptsFailed() {
        for (int attempt : new int[] {6, 10, 64, Integer.MAX_VALUE}) {
            assertThat(backoff.delayAfter(attempt, random)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        }
    }

    @Test
    void theJitterSpreadsTasksThatFailedTogether() {
        Set<Duration> delays = new HashSet<>();
        for (int draw = 0; draw < 50; draw++) {
            delays.add(backoff.delayAfter(3, random));
        }
        assertThat(delays).hasSizeGreaterThan(10);
    }

    @Test
    void aZeroBackoffRetriesAtOnce() {
        assertThat(new RetryBackoff(Duration.ZERO, Duration.ZERO).delayAfter(3, random)).isZero();
    }

    @Test
    void aMaximumBelowTheInitialDelayIsRefused() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial <= max");
    }
}
