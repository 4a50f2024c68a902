package io.scatter.core.prime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WheelSieveKernelTest {

    private static final WheelSieveKernel SIEVE = new WheelSieveKernel();

    @ParameterizedTest(name = "pi({0}) = {1}")
    @CsvSource({"0, 0", "10, 4", "100, 25", "1000, 168", "10000, 1229", "100000, 9592", "1000000, 78498",
            "10000000, 664579", "100000000, 5761455", "1000000000, 50847534", "10000000000, 455052511",
            "20000000000, 882206716"})
    void countsThePrimesUpToKnownBounds(long to, long expected) {
        assertThat(SIEVE.countPrimes(0, to)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "every range within [0, 200] with {0}-byte segments matches trial division")
    @ValueSource(ints = {64, 128, 1 << 15})
    void everyRangeOfSmallNumbersMatchesTrialDivision(int segmentBytes) {
        WheelSieveKernel sieve = new WheelSieveKernel(segmentBytes);
        TrialDivisionKernel trialDivision = new TrialDivisionKernel();
        for (long from = 0; from <= 200; from++) {
            for (long to = from; to <= 200; to++) {
                assertThat(sieve.countPrimes(from, to)).as("[%d, %d]", from, to)
                        .isEqualTo(trialDivision.countPrimes(from, to));
            }
        }
    }

    /** A 64-byte segment covers 1920 numbers, so 1920, 3840 and 5760 start segments; 1913, 1931 and 5779 are prime. */
    @ParameterizedTest(name = "[{0}, {1}] holds {2} primes whatever the segment size")
    @CsvSource({"1913, 1931, 2", "1914, 1930, 0", "1919, 1921, 0", "5750, 5779, 1", "5760, 5760, 0",
            "0, 5760, 757", "1920, 3839, 239"})
    void primesOnSegmentBoundariesCountOnce(long from, long to, long expected) {
        for (int segmentBytes : new int[] {64, 128, 1 << 12, 1 << 20}) {
            assertThat(new WheelSieveKernel(segmentBytes).countPrimes(from, to)).isEqualTo(expected);
        }
    }

    @Test
    void countsBeyondTheJobMaximumNearTenToTheEighteen() {
        long from = 1_000_000_000_000_000_000L;

        assertThat(new WheelSieveKernel(1 << 12).countUnchecked(from, from + 1000))
                .isEqualTo(ReferencePrimes.count(from, from + 1000));
    }

    @Test
    void aKernelGivesTheSameCountsWhenRangesGrowAndShrinkAgain() {
        WheelSieveKernel sieve = new WheelSieveKernel();

        assertThat(sieve.countPrimes(0, 1000)).isEqualTo(168);
        assertThat(sieve.countPrimes(PrimeCount.MAX - 1000, PrimeCount.MAX)).isEqualTo(23);
        assertThat(sieve.countPrimes(0, 1000)).isEqualTo(168);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 32, 63, 65, 100, 3 << 10, -64, 1 << 25})
    void segmentSizeMustBeAPowerOfTwoFrom64To2To24(int bytes) {
        assertThatThrownBy(() -> new WheelSieveKernel(bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segmentBytes");
    }

    @Test
    void theDefaultSegmentSizeIsAPowerOfTwoFromTheCachesOrTheFallback() {
        int bytes = WheelSieveKernel.defaultSegmentBytes();

        assertThat(Integer.bitCount(bytes)).isEqualTo(1);
        assertThat(bytes).isBetween(WheelSieveKernel.FALLBACK_SEGMENT_BYTES, 1 << 24);
    }

    @Test
    void cacheSizesParseAsSysfsWritesThem() {
        assertThat(CacheSizes.parseSize("32K\n")).isEqualTo(32 * 1024);
        assertThat(CacheSizes.parseSize("1024K")).isEqualTo(1 << 20);
        assertThat(CacheSizes.parseSize("32M")).isEqualTo(32L << 20);
        assertThat(CacheSizes.parseSize("4096")).isEqualTo(4096);
    }
}
