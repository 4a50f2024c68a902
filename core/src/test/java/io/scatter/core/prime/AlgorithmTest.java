package io.scatter.core.prime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlgorithmTest {

    @Test
    void wireNamesRoundTripAndTheSieveIsTheDefault() {
        assertThat(Algorithm.wireNames()).containsExactly("sieve", "trial-division");
        assertThat(Algorithm.DEFAULT).isEqualTo(Algorithm.SIEVE);
        for (Algorithm algorithm : Algorithm.values()) {
            assertThat(Algorithm.fromWireName(algorithm.wireName())).isEqualTo(algorithm);
        }
    }

    @Test
    void unknownWireNamesAreRejectedWithTheKnownOnesListed() {
        assertThatThrownBy(() -> Algorithm.fromWireName("SIEVE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sieve, trial-division");
        assertThatThrownBy(() -> Algorithm.fromWireName(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachAlgorithmHasItsOwnKernel() {
        assertThat(Algorithm.SIEVE.kernel()).isInstanceOf(WheelSieveKernel.class);
        assertThat(Algorithm.TRIAL_DIVISION.kernel()).isInstanceOf(TrialDivisionKernel.class);
    }

    @Test
    void theSieveGetsAboutOneDefaultTaskPerBillionAndAHalfIntegersNearZero() {
        assertThat(Algorithm.SIEVE.defaultTasks(0, 10)).isEqualTo(1);
        assertThat(Algorithm.SIEVE.defaultTasks(0, 1_000_000_000)).isEqualTo(1);
        assertThat(Algorithm.SIEVE.defaultTasks(0, 10_000_000_000L)).isEqualTo(11);
        assertThat(Algorithm.SIEVE.defaultTasks(0, PrimeCount.MAX)).isEqualTo(Algorithm.MAX_DEFAULT_TASKS);
    }

    @Test
    void trialDivisionGetsMoreDefaultTasksThanTheSieveForTheSameRange() {
        assertThat(Algorithm.TRIAL_DIVISION.defaultTasks(0, 100_000_000))
                .isGreaterThan(Algorithm.SIEVE.defaultTasks(0, 100_000_000));
        assertThat(Algorithm.TRIAL_DIVISION.defaultTasks(PrimeCount.MAX - 10_000, PrimeCount.MAX)).isBetween(25, 40);
        assertThat(Algorithm.TRIAL_DIVISION.defaultTasks(5, 5)).isEqualTo(1);
    }
}
