package io.scatter.core.prime;

import io.scatter.core.jobtype.InvalidInputException;
import io.scatter.core.jobtype.Capacity;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobTypes;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PrimeCountJobTypeTest {

    private final PrimeCountJobType type = new PrimeCountJobType();

    @Test
    void isFoundByTheServiceLoaderAsPrimeCount() {
        assertThat(JobTypes.load().get("prime-count")).isInstanceOf(PrimeCountJobType.class);
    }

    @Test
    void theTasksOfAJobCheckEveryNumberOfItsRangeOnce() {
        List<Map<String, Object>> tasks = type.split(type.define(Map.of("from", 10, "to", 1_000_009),
                Map.of("tasks", 7)));

        assertThat(tasks.stream().mapToLong(type::numbersChecked).sum()).isEqualTo(1_000_000);
    }

    @Test
    void aTaskWithoutAValidRangeChecksNoNumbers() {
        assertThat(type.numbersChecked(Map.of("from", 5, "algorithm", "sieve"))).isZero();
        assertThat(type.numbersChecked(Map.of("from", 9, "to", 5))).isZero();
        assertThat(type.numbersChecked(null)).isZero();
    }

    @Test
    void defineNormalisesInputAndFillsInDefaultOptions() {
        JobDefinition job = type.define(Map.of("from", 0, "to", 10_000_000_000L), null);

        assertThat(job.input()).isEqualTo(Map.of("from", 0L, "to", 10_000_000_000L));
        assertThat(job.options()).isEqualTo(Map.of("algorithm", "sieve", "tasks", 11));
    }

    @Test
    void defineKeepsTheOptionsGiven() {
        JobDefinition job = type.define(Map.of("from", BigInteger.TEN, "to", 1e6),
                Map.of("algorithm", "trial-division", "tasks", new BigDecimal("7.000")));

        assertThat(job.input()).isEqualTo(Map.of("from", 10L, "to", 1_000_000L));
        assertThat(job.options()).isEqualTo(Map.of("algorithm", "trial-division", "tasks", 7));
    }

    @Test
    void defineNeverChoosesMoreTasksThanIntegers() {
        JobDefinition job = type.define(Map.of("from", 5, "to", 5), Map.of());

        assertThat(job.options()).containsEntry("tasks", 1);
        assertThat(type.define(Map.of("from", 0, "to", PrimeCount.MAX), Map.of()).options())
                .containsEntry("tasks", Algorithm.MAX_DEFAULT_TASKS);
    }

    @Test
    void withoutATaskCountTheCostModelsChoiceIsRoundedUpToWholeWavesOverTheLiveSlots() {
        Map<String, Object> tenBillion = Map.of("from", 0, "to", 10_000_000_000L);

        assertThat(type.define(tenBillion, Map.of(), Capacity.UNKNOWN).options()).containsEntry("tasks", 11);
        assertThat(type.define(tenBillion, Map.of(), new Capacity(8)).options()).containsEntry("tasks", 16);
        assertThat(type.define(tenBillion, Map.of(), new Capacity(7)).options()).containsEntry("tasks", 14);
        assertThat(type.define(tenBillion, Map.of(), new Capacity(64)).options()).containsEntry("tasks", 64);
    }

    @Test
    void twoWorkersGetWholeWavesOfEqualCost() {
        JobDefinition job = type.define(Map.of("from", 0, "to", 10_000_000_000L), Map.of(), new Capacity(2));

        List<Map<String, Object>> tasks = type.split(job);

        assertThat(tasks.size() % 2).isZero();
        CostModel cost = Algorithm.SIEVE.costModel();
        double first = cost.cost((Long) tasks.get(0).get("from"), (Long) tasks.get(0).get("to"));
        for (Map<String, Object> task : tasks) {
            assertThat(cost.cost((Long) task.get("from"), (Long) task.get("to")))
                    .isCloseTo(first, Percentage.withPercentage(0.01));
        }
    }

    @Test
    void aJobTooSmallForEverySlotTakesAsManyAsItCanKeepBusy() {
        assertThat(type.define(Map.of("from", 0, "to", 200_000_000), Map.of(), new Capacity(32)).options())
                .as("2.4 * 10^8 units in tasks of at least 4 * 10^7").containsEntry("tasks", 6);
        assertThat(type.define(Map.of("from", 0, "to", 1_440_001), Map.of("algorithm", "trial-division"),
                new Capacity(8)).options()).containsEntry("tasks", 8);
        assertThat(type.define(Map.of("from", 0, "to", 1_440_001), Map.of("algorithm", "trial-division"),
                new Capacity(32)).options()).as("2.9 * 10^7 divisions in tasks of at least 2.5 * 10^6")
                .containsEntry("tasks", 11);
        assertThat(type.define(Map.of("from", 0, "to", 1_000_000), Map.of(), new Capacity(8)).options())
                .containsEntry("tasks", 1);
    }

    @Test
    void aTaskCountTheClientGaveIsKeptWhateverTheSlots() {
        JobDefinition job = type.define(Map.of("from", 0, "to", 1_000_000_000), Map.of("tasks", 5), new Capacity(8));

        assertThat(job.options()).containsEntry("tasks", 5);
    }

    @Test
    void fittingTheSlotsNeverMakesMoreTasksThanIntegers() {
        assertThat(type.define(Map.of("from", 0, "to", 9), Map.of(), new Capacity(4)).options())
                .containsEntry("tasks", 1);
        assertThat(new Capacity(4).fill(9, 10)).isEqualTo(10);
    }

    static Stream<Arguments> badJobs() {
        Map<String, Object> good = Map.of("from", 0, "to", 100);
        return Stream.of(
                arguments(null, null, "input", "input must be an object"),
                arguments(Map.of("to", 100), null, "input.from", "input.from is required"),
                arguments(Map.of("from", 0), null, "input.to", "input.to is required"),
                arguments(Map.of("from", -5, "to", 100), null, "input.from",
                        "input.from must be an integer between 0 and 1000000000000000, got -5"),
                arguments(Map.of("from", "1", "to", 100), null, "input.from", "got \"1\""),
                arguments(Map.of("from", true, "to", 100), null, "input.from", "got true"),
                arguments(Map.of("from", 1.5, "to", 100), null, "input.from", "got 1.5"),
                arguments(Map.of("from", 0, "to", 1e300), null, "input.to", "input.to must be an integer"),
                arguments(Map.of("from", 0, "to", PrimeCount.MAX + 1), null, "input.to", "got 1000000000000001"),
                arguments(Map.of("from", 0, "to", List.of(1)), null, "input.to", "got an array"),
                arguments(nullValued("from"), null, "input.from", "got null"),
                arguments(Map.of("from", 10, "to", 5), null, "input.from",
                        "input.from (10) must not be greater than input.to (5)"),
                arguments(Map.of("from", 0, "to", 5, "step", 2), null, "input.step", "input.step is not a known field"),
                arguments(good, Map.of("algorithm", "bogo"), "options.algorithm",
                        "options.algorithm must be one of sieve, trial-division, got \"bogo\""),
                arguments(good, Map.of("algorithm", 1), "options.algorithm", "got 1"),
                arguments(good, Map.of("tasks", 20_000), "options.tasks",
                        "options.tasks must be an integer between 1 and 10000, got 20000"),
                arguments(good, Map.of("tasks", 0), "options.tasks", "got 0"),
                arguments(good, Map.of("tasks", "3"), "options.tasks", "got \"3\""),
                arguments(good, Map.of("tasks", 102), "options.tasks",
                        "options.tasks (102) must not be greater than the number of integers"),
                arguments(good, Map.of("threads", 4), "options.threads", "options.threads is not a known field"));
    }

    @ParameterizedTest(name = "{2}: {3}")
    @MethodSource("badJobs")
    void defineRejectsBadJobsNamingTheField(Map<String, Object> input, Map<String, Object> options, String field,
                                            String message) {
        assertThatThrownBy(() -> type.define(input, options))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(message)
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sieve", "trial-division"})
    void splitComputeAndCombineCountThePrimesUpToAMillion(String algorithm) {
        JobDefinition job = type.define(Map.of("from", 0, "to", 1_000_000),
                Map.of("algorithm", algorithm, "tasks", 10));

        List<Map<String, Object>> tasks = type.split(job);
        Map<String, Object> result = type.emptyResult();
        for (Map<String, Object> task : tasks) {
            result = type.combine(result, type.compute(task));
        }

        assertThat(tasks).hasSize(10).allSatisfy(task -> assertThat(task).containsEntry("algorithm", algorithm));
        assertThat(result).isEqualTo(Map.of("count", 78_498L));
    }

    @Test
    void splitGivesContiguousTaskPayloadsOfLongs() {
        List<Map<String, Object>> tasks = type.split(type.define(Map.of("from", 3, "to", 12), Map.of("tasks", 3)));

        assertThat(tasks).containsExactly(
                Map.of("from", 3L, "to", 5L, "algorithm", "sieve"),
                Map.of("from", 6L, "to", 9L, "algorithm", "sieve"),
                Map.of("from", 10L, "to", 12L, "algorithm", "sieve"));
    }

    @Test
    void computeAcceptsAnyIntegralNumberType() {
        Map<String, Object> task = Map.of("from", BigInteger.ZERO, "to", 100.0, "algorithm", "trial-division");

        assertThat(type.compute(task)).isEqualTo(Map.of("count", 25L));
    }

    static Stream<Map<String, Object>> malformedTasks() {
        return Stream.of(
                Map.of("to", 10, "algorithm", "sieve"),
                Map.of("from", -1, "to", 10, "algorithm", "sieve"),
                Map.of("from", 0, "to", PrimeCount.MAX + 1, "algorithm", "sieve"),
                Map.of("from", 11, "to", 10, "algorithm", "sieve"),
                Map.of("from", "0", "to", 10, "algorithm", "sieve"),
                Map.of("from", 0, "to", 10.5, "algorithm", "sieve"),
                Map.of("from", 0, "to", 10),
                Map.of("from", 0, "to", 10, "algorithm", "quantum"));
    }

    @ParameterizedTest
    @MethodSource("malformedTasks")
    void computeRejectsMalformedTasks(Map<String, Object> task) {
        assertThatThrownBy(() -> type.compute(task)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void combineIsAssociativeCommutativeAndHasTheEmptyResultAsIdentity() {
        Map<String, Object> a = Map.of("count", 3);
        Map<String, Object> b = Map.of("count", 40L);
        Map<String, Object> c = Map.of("count", BigInteger.valueOf(500));

        assertThat(type.combine(type.combine(a, b), c)).isEqualTo(type.combine(a, type.combine(b, c)));
        assertThat(type.combine(a, b)).isEqualTo(type.combine(b, a));
        assertThat(type.combine(type.emptyResult(), b)).isEqualTo(b);
        assertThat(type.combine(a, type.emptyResult())).isEqualTo(Map.of("count", 3L));
        assertThat(type.emptyResult()).isEqualTo(Map.of("count", 0L));
    }

    @Test
    void combineRejectsResultsWithoutACount() {
        assertThatThrownBy(() -> type.combine(Map.of(), Map.of("count", 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> type.combine(Map.of("count", "1"), Map.of("count", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Object> nullValued(String key) {
        Map<String, Object> input = new HashMap<>();
        input.put(key, null);
        input.put("to", 100);
        return input;
    }
}
