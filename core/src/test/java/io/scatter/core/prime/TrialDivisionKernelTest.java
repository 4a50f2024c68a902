package io.scatter.core.prime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TrialDivisionKernelTest {

    private final TrialDivisionKernel trialDivision = new TrialDivisionKernel();

    @ParameterizedTest(name = "pi(10^{0}) = {1}")
    @CsvSource({"0, 0", "1, 4", "2, 25", "3, 168", "4, 1229", "5, 9592", "6, 78498", "7, 664579"})
    void countsThePrimesUpToEachPowerOfTen(int exponent, long expected) {
        assertThat(trialDivision.countPrimes(0, (long) Math.pow(10, exponent))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}, {1}] holds {2} primes")
    @CsvSource({
            "2147483630, 2147483658, 1",
            "2147483647, 2147483659, 2",
            "2147483648, 2147483658, 0"})
    void switchesFromIntToLongArithmeticWithoutLosingPrimes(long from, long to, long expected) {
        assertThat(trialDivision.countPrimes(from, to)).isEqualTo(expected);
    }
}
