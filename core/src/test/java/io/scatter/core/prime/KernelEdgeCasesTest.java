package io.scatter.core.prime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KernelEdgeCasesTest {

    private static final long M = PrimeCount.MAX;

    static Stream<Arguments> edgeRanges() {
        List<long[]> ranges = List.of(
                new long[] {0, 0, 0},
                new long[] {0, 1, 0},
                new long[] {1, 1, 0},
                new long[] {0, 2, 1},
                new long[] {2, 2, 1},
                new long[] {2, 3, 2},
                new long[] {3, 3, 1},
                new long[] {4, 4, 0},
                new long[] {9, 9, 0},
                new long[] {0, 30, 10},
                new long[] {999_983, 999_983, 1},
                new long[] {999_981, 999_981, 0},
                new long[] {1_000_000, 1_000_000, 0},
                new long[] {1_328, 1_360, 0},
                new long[] {1_327, 1_361, 2},
                new long[] {M - 11, M - 11, 1},
                new long[] {M - 10, M, 0},
                new long[] {M, M, 0},
                new long[] {M - 53, M, 2},
                new long[] {M - 1000, M, 23});
        return Stream.of(new WheelSieveKernel(), new WheelSieveKernel(64), new SegmentedSieveKernel(),
                        new SegmentedSieveKernel(64), new TrialDivisionKernel())
                .flatMap(kernel -> ranges.stream().map(r -> Arguments.of(kernel, r[0], r[1], r[2])));
    }

    @ParameterizedTest(name = "{0}: [{1}, {2}] holds {3} primes")
    @MethodSource("edgeRanges")
    void everyKernelCountsEdgeRangesRight(PrimeKernel kernel, long from, long to, long expected) {
        assertThat(kernel.countPrimes(from, to)).isEqualTo(expected);
    }

    static Stream<PrimeKernel> kernels() {
        return Stream.of(new WheelSieveKernel(), new SegmentedSieveKernel(), new TrialDivisionKernel());
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void everyKernelRejectsRangesOutsideZeroToTheMaximum(PrimeKernel kernel) {
        assertThatThrownBy(() -> kernel.countPrimes(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> kernel.countPrimes(10, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> kernel.countPrimes(0, M + 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
