package io.scatter.core.prime;

import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrialDivisionCostTest {

    private final TrialDivisionCost cost = new TrialDivisionCost();

    @Test
    void exponentialIntegralMatchesKnownValues() {
        assertThat(TrialDivisionCost.exponentialIntegral(1)).isCloseTo(1.8951178163559368, Offset.offset(1e-14));
        assertThat(TrialDivisionCost.exponentialIntegral(10))
                .isCloseTo(2492.2289762418777, Percentage.withPercentage(1e-12));
    }

    @Test
    void costIsAdditiveOverAdjacentRanges() {
        double whole = cost.cost(1_000, 1_000_000_000);
        double parts = cost.cost(1_000, 499_999_999) + cost.cost(500_000_000, 1_000_000_000);

        assertThat(parts).isCloseTo(whole, Percentage.withPercentage(1e-6));
    }

    @Test
    void shortRangesCostTheSameWhicheverWayTheyAreIntegrated() {
        double bySimpson = cost.cost(1_000_000_000, 1_010_000_000);
        double bySubtraction = cost.cost(0, 1_010_000_000) - cost.cost(0, 999_999_999);

        assertThat(bySimpson).isCloseTo(bySubtraction, Percentage.withPercentage(1e-4));
    }

    @Test
    void aPrimeNearTheMaximumCostsAboutAThirdOfItsSquareRootOverItsLogarithm() {
        double perInteger = cost.cost(PrimeCount.MAX - 1_000_000, PrimeCount.MAX) / 1_000_001;
        double expected = (1 + Math.sqrt(PrimeCount.MAX) / Math.log(PrimeCount.MAX)) / 3;

        assertThat(perInteger).isCloseTo(expected, Percentage.withPercentage(0.01));
    }
}
