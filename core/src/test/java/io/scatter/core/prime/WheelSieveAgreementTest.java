package io.scatter.core.prime;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class WheelSieveAgreementTest {

    private static final WheelSieveKernel WHEEL = new WheelSieveKernel();
    private static final PrimeKernel ODD_SIEVE = new SegmentedSieveKernel();
    private static final PrimeKernel TRIAL_DIVISION = new TrialDivisionKernel();

    @Property(tries = 300)
    void theWheelSieveAndTrialDivisionAgreeOnRandomSmallRanges(@ForAll("upToTenToTheSix") long from,
                                                               @ForAll @IntRange(max = 20_000) int width,
                                                               @ForAll @IntRange(min = 6, max = 16) int segmentShift) {
        PrimeKernel wheel = new WheelSieveKernel(1 << segmentShift);

        assertThat(wheel.countPrimes(from, from + width)).isEqualTo(TRIAL_DIVISION.countPrimes(from, from + width));
    }

    @Property(tries = 10)
    void theWheelAndOddSievesAgreeOnWindowsNearTenToTheTwelve(@ForAll("nearTenToTheTwelve") long from,
                                                              @ForAll @IntRange(max = 1_000_000) int width) {
        assertThat(WHEEL.countPrimes(from, from + width)).isEqualTo(ODD_SIEVE.countPrimes(from, from + width));
    }

    @Property(tries = 10)
    void theWheelAndOddSievesAgreeOnWindowsNearTenToTheFifteen(@ForAll("nearTenToTheFifteen") long from,
                                                               @ForAll @IntRange(max = 1_000_000) int width,
                                                               @ForAll @IntRange(min = 8, max = 20) int segmentShift) {
        long to = Math.min(PrimeCount.MAX, from + width);
        PrimeKernel wheel = new WheelSieveKernel(1 << segmentShift);

        assertThat(wheel.countPrimes(from, to)).isEqualTo(ODD_SIEVE.countPrimes(from, to));
    }

    @Property(tries = 3)
    void theWheelSieveAndMillerRabinAgreeOnWindowsNearTenToTheEighteen(@ForAll("nearTenToTheEighteen") long from,
                                                                       @ForAll @IntRange(max = 20_000) int width) {
        assertThat(WHEEL.countUnchecked(from, from + width)).isEqualTo(ReferencePrimes.count(from, from + width));
    }

    @Property(tries = 30)
    void countsOfAdjacentRangesAddUp(@ForAll("belowTheMaximum") long a,
                                     @ForAll @IntRange(max = 2_000_000) int firstWidth,
                                     @ForAll @IntRange(max = 2_000_000) int secondWidth) {
        long b = a + firstWidth;
        long c = b + 1 + secondWidth;

        assertThat(WHEEL.countPrimes(a, b) + WHEEL.countPrimes(b + 1, c)).isEqualTo(WHEEL.countPrimes(a, c));
    }

    @Provide
    Arbitrary<Long> upToTenToTheSix() {
        return Arbitraries.longs().between(0, 1_000_000L).withDistribution(RandomDistribution.uniform());
    }

    @Provide
    Arbitrary<Long> nearTenToTheTwelve() {
        return near(1_000_000_000_000L);
    }

    @Provide
    Arbitrary<Long> nearTenToTheFifteen() {
        return Arbitraries.longs().between(PrimeCount.MAX - 1_000_000_000L, PrimeCount.MAX)
                .withDistribution(RandomDistribution.uniform());
    }

    @Provide
    Arbitrary<Long> nearTenToTheEighteen() {
        return near(1_000_000_000_000_000_000L);
    }

    @Provide
    Arbitrary<Long> belowTheMaximum() {
        return Arbitraries.longs().between(0, PrimeCount.MAX - 4_000_001)
                .withDistribution(RandomDistribution.uniform());
    }

    private static Arbitrary<Long> near(long center) {
        return Arbitraries.longs().between(center - 1_000_000_000L, center + 1_000_000_000L)
                .withDistribution(RandomDistribution.uniform());
    }
}
