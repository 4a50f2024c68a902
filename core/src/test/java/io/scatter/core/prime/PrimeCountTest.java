package io.scatter.core.prime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrimeCountTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 4, 15, 16, 17, 999_999, 1_000_000, PrimeCount.MAX, PrimeCount.MAX - 1,
            4_503_599_761_588_224L, Long.MAX_VALUE, Long.MAX_VALUE - 1})
    void isqrtIsTheLargestRootWhoseSquareFits(long n) {
        long r = PrimeCount.isqrt(n);

        assertThat(Math.multiplyHigh(r, r)).isZero();
        assertThat(r * r).isBetween(0L, n);
        assertThat(r + 1 > n / (r + 1)).as("(r + 1)^2 > n").isTrue();
    }

    @Test
    void isqrtIsExactAroundEveryPerfectSquareNearTheMaximum() {
        for (long r = 31_622_700; r <= 31_622_800; r++) {
            assertThat(PrimeCount.isqrt(r * r)).isEqualTo(r);
            assertThat(PrimeCount.isqrt(r * r - 1)).isEqualTo(r - 1);
            assertThat(PrimeCount.isqrt(r * r + 2 * r)).isEqualTo(r);
        }
    }

    @Test
    void validRangesStayWithinZeroAndTheMaximum() {
        PrimeCount.requireValidRange(0, PrimeCount.MAX);

        assertThatThrownBy(() -> PrimeCount.requireValidRange(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrimeCount.requireValidRange(0, PrimeCount.MAX + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrimeCount.requireValidRange(6, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
