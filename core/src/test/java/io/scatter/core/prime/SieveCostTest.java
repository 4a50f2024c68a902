package io.scatter.core.prime;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SieveCostTest {

    private final SieveCost cost = new SieveCost();

    @Property(tries = 300)
    void costIsAdditiveOverAdjacentRanges(@ForAll @LongRange(max = PrimeCount.MAX - 2) long from,
                                          @ForAll @LongRange(min = 1, max = PrimeCount.MAX) long width,
                                          @ForAll @LongRange(max = 1000) long permille) {
        long to = Math.min(PrimeCount.MAX, from + width);
        long middle = from + (to - from) * permille / 1000;
        double parts = cost.cost(from, middle) + (middle < to ? cost.cost(middle + 1, to) : 0);

        assertThat(parts).isCloseTo(cost.cost(from, to), Percentage.withPercentage(1e-4));
    }

    @Test
    void belowTenMillionEveryIntegerCostsOneUnit() {
        assertThat(cost.cost(0, 9_999_999)).isEqualTo(10_000_000);
        assertThat(cost.cost(5, 5)).isEqualTo(1);
    }

    @Test
    void anIntegerCostsMoreTheHigherItIs() {
        for (double x = 1e7; x < 1e15; x *= 10) {
            assertThat(SieveCost.density(x * 10)).isGreaterThan(SieveCost.density(x));
        }
        assertThat(SieveCost.density(1e12)).isCloseTo(3.26, Percentage.withPercentage(1e-9));
        assertThat(SieveCost.density(PrimeCount.MAX)).isCloseTo(12.2, Percentage.withPercentage(1e-9));
    }

    @Test
    void shortRangesCostTheSameWhicheverWayTheyAreIntegrated() {
        double byDensity = cost.cost(1_000_000_000_000L, 1_010_000_000_000L);
        double bySubtraction = cost.cost(0, 1_010_000_000_000L) - cost.cost(0, 999_999_999_999L);

        assertThat(byDensity).isCloseTo(bySubtraction, Percentage.withPercentage(1e-3));
    }

    @Test
    void tasksOfARangeHighInTheNumberLineCostAboutTheSame() {
        List<NumberRange> ranges = Algorithm.SIEVE.splitter().split(0, 1_000_000_000_000L, 10);

        double first = cost.cost(ranges.get(0).from(), ranges.get(0).to());
        for (NumberRange range : ranges) {
            assertThat(cost.cost(range.from(), range.to())).isCloseTo(first, Percentage.withPercentage(0.01));
        }
        assertThat(ranges.get(0).width()).as("the first tenth of the cost spans more integers than the last")
                .isGreaterThan(ranges.get(9).width() * 5 / 4);
    }
}
