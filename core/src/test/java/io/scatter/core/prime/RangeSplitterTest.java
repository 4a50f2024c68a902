package io.scatter.core.prime;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RangeSplitterTest {

    private final RangeSplitter sieveSplitter = Algorithm.SIEVE.splitter();
    private final RangeSplitter trialDivisionSplitter = Algorithm.TRIAL_DIVISION.splitter();

    @Property(tries = 300)
    void subRangesCoverTheRangeExactlyInOrderWithoutGapsOrEmpties(
            @ForAll @LongRange(max = PrimeCount.MAX) long from,
            @ForAll @LongRange(max = PrimeCount.MAX) long width,
            @ForAll @IntRange(min = 1, max = 10_000) int parts,
            @ForAll boolean trialDivision) {
        long to = Math.min(PrimeCount.MAX, from + width);
        RangeSplitter splitter = trialDivision ? trialDivisionSplitter : sieveSplitter;

        List<NumberRange> ranges = splitter.split(from, to, parts);

        assertCoversExactly(ranges, from, to);
        assertThat(ranges).hasSize((int) Math.min(parts, to - from + 1));
    }

    @Test
    void asksForMorePartsThanIntegersGiveOneIntegerEach() {
        assertThat(sieveSplitter.split(10, 12, 5))
                .containsExactly(new NumberRange(10, 10), new NumberRange(11, 11), new NumberRange(12, 12));
        assertThat(trialDivisionSplitter.split(7, 7, 10_000)).containsExactly(new NumberRange(7, 7));
    }

    @Test
    void sieveSubRangesHaveWidthsWithinOneOfEachOther() {
        List<NumberRange> ranges = sieveSplitter.split(0, 1_000_000, 7);

        long narrowest = ranges.stream().mapToLong(NumberRange::width).min().orElseThrow();
        long widest = ranges.stream().mapToLong(NumberRange::width).max().orElseThrow();
        assertThat(widest - narrowest).isLessThanOrEqualTo(1);
    }

    @Test
    void trialDivisionSubRangesGetNarrowerAsNumbersGrow() {
        List<NumberRange> ranges = trialDivisionSplitter.split(0, 1_000_000_000, 10);

        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).width()).isLessThan(ranges.get(i - 1).width());
        }
        assertThat(ranges.get(0).width()).isGreaterThan(2 * ranges.get(9).width());
    }

    @Test
    void trialDivisionSubRangesCostAboutTheSame() {
        CostModel cost = Algorithm.TRIAL_DIVISION.costModel();
        List<NumberRange> ranges = trialDivisionSplitter.split(1_000, PrimeCount.MAX, 100);

        double first = cost.cost(ranges.get(0).from(), ranges.get(0).to());
        for (NumberRange range : ranges) {
            assertThat(cost.cost(range.from(), range.to())).isCloseTo(first, Percentage.withPercentage(1));
        }
    }

    @Test
    void narrowRangesNearTheMaximumStillSplitEvenly() {
        List<NumberRange> ranges = trialDivisionSplitter.split(PrimeCount.MAX - 999, PrimeCount.MAX, 10);

        assertCoversExactly(ranges, PrimeCount.MAX - 999, PrimeCount.MAX);
        assertThat(ranges).allSatisfy(range -> assertThat(range.width()).isBetween(99L, 101L));
    }

    @Test
    void rejectsEmptyRangesAndPartCountsBelowOne() {
        assertThatThrownBy(() -> sieveSplitter.split(5, 4, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sieveSplitter.split(0, 4, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertCoversExactly(List<NumberRange> ranges, long from, long to) {
        assertThat(ranges).isNotEmpty();
        assertThat(ranges.get(0).from()).isEqualTo(from);
        assertThat(ranges.get(ranges.size() - 1).to()).isEqualTo(to);
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).from()).isEqualTo(ranges.get(i - 1).to() + 1);
        }
        assertThat(ranges).allSatisfy(range -> assertThat(range.width()).isPositive());
    }
}
