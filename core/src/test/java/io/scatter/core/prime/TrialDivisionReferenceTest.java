package io.scatter.core.prime;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the 6k ± 1 trial-division kernel against a plain test of every divisor from 2 up to the square root. */
class TrialDivisionReferenceTest {

    private final TrialDivisionKernel trialDivision = new TrialDivisionKernel();

    @Property(tries = 300)
    void countsTheSamePrimesAsTryingEveryDivisorOnSmallRanges(@ForAll @LongRange(max = 2_000) long from,
                                                             @ForAll @IntRange(max = 200) int width) {
        assertThat(trialDivision.countPrimes(from, from + width)).isEqualTo(referenceCount(from, from + width));
    }

    @Property(tries = 100)
    void countsTheSamePrimesAsTryingEveryDivisorAroundTheIntLimit(@ForAll("nearTheIntLimit") long from,
                                                                  @ForAll @IntRange(max = 300) int width) {
        assertThat(trialDivision.countPrimes(from, from + width)).isEqualTo(referenceCount(from, from + width));
    }

    @Property(tries = 30)
    void countsTheSamePrimesAsTryingEveryDivisorNearATrillion(@ForAll("nearATrillion") long from,
                                                              @ForAll @IntRange(max = 60) int width) {
        assertThat(trialDivision.countPrimes(from, from + width)).isEqualTo(referenceCount(from, from + width));
    }

    @Provide
    Arbitrary<Long> nearTheIntLimit() {
        return Arbitraries.longs().between(Integer.MAX_VALUE - 400L, Integer.MAX_VALUE + 100L);
    }

    @Provide
    Arbitrary<Long> nearATrillion() {
        return Arbitraries.longs().between(1_000_000_000_000L - 200, 1_000_000_000_000L + 200);
    }

    private static long referenceCount(long from, long to) {
        long count = 0;
        for (long n = from; n <= to; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        for (long d = 2; d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}
