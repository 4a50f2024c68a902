package io.scatter.pi;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PiEstimateCombineTest {

    private final PiEstimateJobType type = new PiEstimateJobType();

    @Property
    void combineIsAssociative(@ForAll("results") Map<String, Object> a, @ForAll("results") Map<String, Object> b,
                              @ForAll("results") Map<String, Object> c) {
        assertThat(type.combine(type.combine(a, b), c)).isEqualTo(type.combine(a, type.combine(b, c)));
    }

    @Property
    void combineIsCommutative(@ForAll("results") Map<String, Object> a, @ForAll("results") Map<String, Object> b) {
        assertThat(type.combine(a, b)).isEqualTo(type.combine(b, a));
    }

    @Property
    void theEmptyResultAddsNothing(@ForAll("results") Map<String, Object> a) {
        Map<String, Object> combined = type.combine(type.emptyResult(), a);

        assertThat(combined).containsEntry("inside", a.get("inside")).containsEntry("samples", a.get("samples"));
        assertThat(type.combine(combined, type.emptyResult())).isEqualTo(combined);
    }

    @Property
    void theCountsAreSummedAndTheEstimateIsFourTimesTheShareInside(@ForAll("results") Map<String, Object> a,
                                              @ForAll("results") Map<String, Object> b) {
        Map<String, Object> combined = type.combine(a, b);
        long inside = (Long) combined.get("inside");
        long samples = (Long) combined.get("samples");

        assertThat(inside).isEqualTo((Long) a.get("inside") + (Long) b.get("inside"));
        assertThat(samples).isEqualTo((Long) a.get("samples") + (Long) b.get("samples"));
        if (samples > 0) {
            assertThat(combined.get("estimate")).isEqualTo(4.0 * inside / samples);
        } else {
            assertThat(combined).doesNotContainKey("estimate");
        }
    }

    @Test
    void twoEmptyResultsMakeAnEmptyResultWithoutAnEstimate() {
        assertThat(type.combine(type.emptyResult(), type.emptyResult()))
                .isEqualTo(Map.of("inside", 0L, "samples", 0L));
    }

    @Test
    void resultsReadBackFromJsonAsIntegersOrWithAnEstimateCombineAlike() {
        Map<String, Object> fromJson = Map.of("inside", 3, "samples", 4, "estimate", 3.0);

        assertThat(type.combine(fromJson, Map.of("inside", 1L, "samples", 1L)))
                .isEqualTo(Map.of("inside", 4L, "samples", 5L, "estimate", 3.2));
    }

    @Test
    void aMalformedResultIsAnIllegalArgument() {
        assertThatThrownBy(() -> type.combine(type.emptyResult(), Map.of("inside", 5L, "samples", 4L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a pi-estimate result needs integers 0 <= inside <= samples, got inside 5 and samples 4");
    }

    @Provide
    Arbitrary<Map<String, Object>> results() {
        Arbitrary<Long> samples = Arbitraries.longs().between(0, 1_000_000_000_000L);
        Arbitrary<Double> share = Arbitraries.doubles().between(0, 1);
        Arbitrary<Map<String, Object>> counted = Combinators.combine(samples, share).as((n, s) -> {
            long inside = Math.min(n, (long) (n * s));
            return Map.<String, Object>of("inside", inside, "samples", n);
        });
        return Arbitraries.oneOf(counted, counted.map(result -> type.combine(type.emptyResult(), result)));
    }
}
