package io.scatter.core.prime;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class KernelAgreementTest {

    private static final PrimeKernel SIEVE = new SegmentedSieveKernel();
    private static final PrimeKernel TRIAL_DIVISION = new TrialDivisionKernel();

    @Property(tries = 10)
    void sieveAndTrialDivisionAgreeOnRandomRanges(@ForAll("upToTenToTheTwelve") long from,
                                                  @ForAll("widthUpToTwentyThousand") int width) {
        assertThat(SIEVE.countPrimes(from, from + width)).isEqualTo(TRIAL_DIVISION.countPrimes(from, from + width));
    }

    @Property(tries = 200)
    void sieveAndTrialDivisionAgreeOnRandomRangesOfSmallNumbers(@ForAll("upToTenToTheSix") long from,
                                                                @ForAll @IntRange(max = 20_000) int width) {
        assertThat(SIEVE.countPrimes(from, from + width)).isEqualTo(TRIAL_DIVISION.countPrimes(from, from + width));
    }

    @Property(tries = 60)
    void countsOfAdjacentRangesAddUp(@ForAll("belowTheMaximum") long a,
                                     @ForAll @IntRange(max = 2_000_000) int firstWidth,
                                     @ForAll @IntRange(max = 2_000_000) int secondWidth) {
        long b = a + firstWidth;
        long c = b + 1 + secondWidth;

        assertThat(SIEVE.countPrimes(a, b) + SIEVE.countPrimes(b + 1, c)).isEqualTo(SIEVE.countPrimes(a, c));
    }

    @Property(tries = 100)
    void segmentSizeDoesNotChangeTheCount(@ForAll("upToTenToTheEight") long from,
                                          @ForAll @IntRange(max = 100_000) int width,
                                          @ForAll @IntRange(min = 1, max = 64) int segmentWords) {
        PrimeKernel small = new SegmentedSieveKernel(64 * segmentWords);

        assertThat(small.countPrimes(from, from + width)).isEqualTo(SIEVE.countPrimes(from, from + width));
    }

    @Provide
    Arbitrary<Integer> widthUpToTwentyThousand() {
        return Arbitraries.integers().between(0, 20_000).withDistribution(RandomDistribution.uniform());
    }

    @Provide
    Arbitrary<Long> upToTenToTheSix() {
        return uniformUpTo(1_000_000L);
    }

    @Provide
    Arbitrary<Long> upToTenToTheEight() {
        return uniformUpTo(100_000_000L);
    }

    @Provide
    Arbitrary<Long> upToTenToTheTwelve() {
        return uniformUpTo(1_000_000_000_000L);
    }

    @Provide
    Arbitrary<Long> belowTheMaximum() {
        return uniformUpTo(PrimeCount.MAX - 4_000_001);
    }

    private static Arbitrary<Long> uniformUpTo(long max) {
        return Arbitraries.longs().between(0, max).withDistribution(RandomDistribution.uniform());
    }
}
