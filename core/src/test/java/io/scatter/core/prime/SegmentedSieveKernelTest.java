package io.scatter.core.prime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentedSieveKernelTest {

    private final SegmentedSieveKernel sieve = new SegmentedSieveKernel();

    @ParameterizedTest(name = "pi(10^{0}) = {1}")
    @CsvSource({"0, 0", "1, 4", "2, 25", "3, 168", "4, 1229", "5, 9592", "6, 78498", "7, 664579", "8, 5761455",
            "9, 50847534"})
    void countsThePrimesUpToEachPowerOfTen(int exponent, long expected) {
        assertThat(sieve.countPrimes(0, (long) Math.pow(10, exponent))).isEqualTo(expected);
    }

    /** The default segment holds 2^20 odd numbers from the range's first odd number; 4194301 is prime. */
    @ParameterizedTest(name = "[{0}, {1}] holds {2} primes")
    @CsvSource({
            "2097151, 4194311, 140336",
            "2097149, 4194311, 140336",
            "2097151, 4194301, 140336",
            "4194301, 6291451, 135556",
            "4194302, 6291454, 135555"})
    void primesOnSegmentBoundariesCountOnce(long from, long to, long expected) {
        assertThat(sieve.countPrimes(from, to)).isEqualTo(expected);
        assertThat(new SegmentedSieveKernel(64).countPrimes(from, to)).isEqualTo(expected);
        assertThat(new SegmentedSieveKernel(1 << 22).countPrimes(from, to)).isEqualTo(expected);
    }

    @Test
    void aKernelGivesTheSameCountsWhenRangesGrowAndShrinkAgain() {
        assertThat(sieve.countPrimes(0, 1000)).isEqualTo(168);
        assertThat(sieve.countPrimes(PrimeCount.MAX - 1000, PrimeCount.MAX)).isEqualTo(23);
        assertThat(sieve.countPrimes(0, 1000)).isEqualTo(168);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 63, 65, 100, -64, (1 << 30) + 64})
    void segmentSizeMustBeAPositiveMultipleOf64UpTo2To30(int bits) {
        assertThatThrownBy(() -> new SegmentedSieveKernel(bits))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segmentBits");
    }
}
