package io.scatter.pi;

import io.scatter.core.jobtype.InvalidInputException;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PiEstimateDefineTest {

    private final PiEstimateJobType type = new PiEstimateJobType();

    @Test
    void isFoundByTheServiceLoaderAsPiEstimate() {
        assertThat(JobTypes.load().get("pi-estimate")).isInstanceOf(PiEstimateJobType.class);
    }

    @Test
    void defineNormalisesTheSamplesAndFillsInTheDefaultTasksAndSeed() {
        JobDefinition job = type.define(Map.of("samples", 100_000_000), null);

        assertThat(job.input()).isEqualTo(Map.of("samples", 100_000_000L));
        assertThat(job.options()).isEqualTo(Map.of("tasks", 10, "seed", 314_159_265_358_979L));
    }

    @Test
    void defineKeepsTheOptionsGivenWhateverNumberTypesTheyArrivedAs() {
        JobDefinition job = type.define(Map.of("samples", new BigDecimal("1e6")),
                Map.of("tasks", 7.0, "seed", BigInteger.valueOf(-42)));

        assertThat(job.input()).isEqualTo(Map.of("samples", 1_000_000L));
        assertThat(job.options()).isEqualTo(Map.of("tasks", 7, "seed", -42L));
    }

    @ParameterizedTest(name = "{0} samples make {1} tasks")
    @CsvSource({"1, 1", "10000000, 1", "10000001, 2", "100000000, 10", "1000000000, 100", "9999999999, 1000",
            "10000000000, 1000", "1000000000000, 1000"})
    void theDefaultNumberOfTasksDependsOnTheSamplesOnly(long samples, int tasks) {
        assertThat(type.define(Map.of("samples", samples), Map.of()).options()).containsEntry("tasks", tasks);
    }

    @Test
    void asManyTasksAsSamplesIsAllowed() {
        assertThat(type.define(Map.of("samples", 3), Map.of("tasks", 3)).options()).containsEntry("tasks", 3);
    }

    static Stream<Arguments> badJobs() {
        Map<String, Object> good = Map.of("samples", 1000);
        return Stream.of(
                arguments(null, Map.of(), "input", "input must be an object with samples"),
                arguments(Map.of(), Map.of(), "input.samples",
                        "input.samples is required: an integer between 1 and 1000000000000"),
                arguments(Map.of("samples", 0), Map.of(), "input.samples",
                        "input.samples must be an integer between 1 and 1000000000000, got 0"),
                arguments(Map.of("samples", -5), Map.of(), "input.samples",
                        "input.samples must be an integer between 1 and 1000000000000, got -5"),
                arguments(Map.of("samples", 1_000_000_000_001L), Map.of(), "input.samples",
                        "input.samples must be an integer between 1 and 1000000000000, got 1000000000001"),
                arguments(Map.of("samples", 1.5), Map.of(), "input.samples",
                        "input.samples must be an integer between 1 and 1000000000000, got 1.5"),
                arguments(Map.of("samples", "1000"), Map.of(), "input.samples",
                        "input.samples must be an integer between 1 and 1000000000000, got \"1000\""),
                arguments(nullValued("samples"), Map.of(), "input.samples",
                        "input.samples must be an integer between 1 and 1000000000000, got null"),
                arguments(Map.of("samples", 10, "sample", 10), Map.of(), "input.sample",
                        "input.sample is not a known field; expected samples"),
                arguments(good, Map.of("algorithm", "sieve"), "options.algorithm",
                        "options.algorithm is not a known field; expected seed, tasks"),
                arguments(good, Map.of("tasks", 0), "options.tasks",
                        "options.tasks must be an integer between 1 and 10000, got 0"),
                arguments(good, Map.of("tasks", 10_001), "options.tasks",
                        "options.tasks must be an integer between 1 and 10000, got 10001"),
                arguments(good, Map.of("tasks", 1001), "options.tasks",
                        "options.tasks (1001) must not be greater than input.samples (1000)"),
                arguments(good, Map.of("seed", "pi"), "options.seed",
                        "options.seed must be an integer between -9223372036854775808 and 9223372036854775807,"
                                + " got \"pi\""),
                arguments(good, Map.of("seed", BigInteger.ONE.shiftLeft(64)), "options.seed",
                        "options.seed must be an integer between -9223372036854775808 and 9223372036854775807,"
                                + " got 18446744073709551616"));
    }

    @ParameterizedTest(name = "{2}: {3}")
    @MethodSource("badJobs")
    void badInputIsRejectedNamingTheField(Map<String, Object> input, Map<String, Object> options, String field,
                                          String message) {
        assertThatThrownBy(() -> type.define(input, options))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessage(message);
    }

    private static Map<String, Object> nullValued(String key) {
        Map<String, Object> map = new HashMap<>();
        map.put(key, null);
        return map;
    }
}
