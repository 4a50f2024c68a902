package io.scatter.pi;

import io.scatter.core.jobtype.InvalidTaskException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PiEstimateComputeTest {

    private final PiEstimateJobType type = new PiEstimateJobType();

    @Test
    void aTaskCountsItsDartsInsideTheQuarterDisc() {
        Map<String, Object> result = type.compute(Map.of("index", 0, "samples", 1_000_000L, "seed", 7L));

        assertThat(result).containsOnlyKeys("inside", "samples").containsEntry("samples", 1_000_000L);
        long inside = (Long) result.get("inside");
        assertThat(4.0 * inside / 1_000_000).isCloseTo(Math.PI, within(0.01));
    }

    @Test
    void computingATaskAgainGivesTheSameCount() {
        Map<String, Object> task = Map.of("index", 3, "samples", 100_000L, "seed", -123_456_789L);

        assertThat(type.compute(task)).isEqualTo(type.compute(task)).isEqualTo(new PiEstimateJobType().compute(task));
    }

    @Test
    void aTaskThatCrossedTheWireAsOtherNumberTypesGivesTheSameCount() {
        long seed = 0x7FFF_FFFF_FFFF_FFF1L;
        Map<String, Object> wire = Map.of("index", 0, "samples", 50_000, "seed", BigInteger.valueOf(seed));

        assertThat(type.compute(wire)).isEqualTo(type.compute(Map.of("index", 0, "samples", 50_000L, "seed", seed)));
    }

    @Test
    void theCountIsPinnedForAGivenSeedSoThatEstimatesStayReproducible() {
        assertThat(Darts.inside(0, 1_000_000)).isEqualTo(785_406);
        assertThat(type.compute(Map.of("samples", 1000L, "seed", TaskSeeds.of(PiEstimateJobType.DEFAULT_SEED, 0))))
                .isEqualTo(Map.of("inside", 787L, "samples", 1000L));
    }

    @Test
    void differentSeedsThrowDifferentDarts() {
        long one = (Long) type.compute(Map.of("samples", 1_000_000L, "seed", 1L)).get("inside");
        long other = (Long) type.compute(Map.of("samples", 1_000_000L, "seed", 2L)).get("inside");

        assertThat(one).isNotEqualTo(other);
    }

    static Stream<Arguments> malformedTasks() {
        return Stream.of(
                arguments(Map.of("seed", 1L), "task.samples must be an integer between 1 and 1000000000000, got null"),
                arguments(Map.of("samples", 0L, "seed", 1L),
                        "task.samples must be an integer between 1 and 1000000000000, got 0"),
                arguments(Map.of("samples", 10L),
                        "task.seed must be an integer between -9223372036854775808 and 9223372036854775807, got null"),
                arguments(Map.of("samples", 10L, "seed", 0.5),
                        "task.seed must be an integer between -9223372036854775808 and 9223372036854775807, got 0.5"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformedTasks")
    void aMalformedTaskIsAnInvalidTaskSayingWhatIsWrongSoThatWorkersDeadLetterItAtOnce(Map<String, Object> task,
                                                                                       String message) {
        assertThatThrownBy(() -> type.compute(task)).isInstanceOf(InvalidTaskException.class).hasMessage(message);
    }
}
