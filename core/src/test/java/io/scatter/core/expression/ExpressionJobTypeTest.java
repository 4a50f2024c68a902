package io.scatter.core.expression;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.scatter.core.expression.ExpressionJobBuilder.batch;
import static io.scatter.core.expression.ExpressionJobBuilder.batchOf;
import static io.scatter.core.expression.ExpressionJobBuilder.noInput;
import static io.scatter.core.expression.ExpressionJobBuilder.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ExpressionJobTypeTest {

    private final ExpressionJobType type = new ExpressionJobType();

    @Test
    void isFoundByTheServiceLoaderAsExpressionNextToPrimeCount() {
        assertThat(JobTypes.load().get("expression")).isInstanceOf(ExpressionJobType.class);
        assertThat(JobTypes.load().names()).contains("expression", "prime-count");
    }

    @Test
    void defineKeepsASingleExpressionAsItIsWithOneTask() {
        JobDefinition job = single(" (1 + 2) * 3 ").defineWith(type);

        assertThat(job.input()).isEqualTo(Map.of("expression", " (1 + 2) * 3 "));
        assertThat(job.options()).isEqualTo(Map.of("tasks", 1));
        assertThat(single("2").tasks(1L).defineWith(type).options()).isEqualTo(Map.of("tasks", 1));
    }

    static Stream<Arguments> numbers() {
        return Stream.of(
                arguments(42, "42"),
                arguments(-5L, "-5"),
                arguments(BigInteger.TWO.pow(70), "1180591620717411303424"),
                arguments(1.5, "1.5"),
                arguments(1e20, "1.0E+20"),
                arguments(2.5f, "2.5"),
                arguments(new BigDecimal("1E+3"), "1E+3"),
                arguments(new BigDecimal("0.10"), "0.10"));
    }

    @ParameterizedTest(name = "{0} becomes \"{1}\"")
    @MethodSource("numbers")
    void defineTurnsAJsonNumberIntoItsTextWhichEvaluatesToTheSameNumber(Object number, String text) {
        assertThat(single(number).defineWith(type).input()).isEqualTo(Map.of("expression", text));
        assertThat(batch("1", number).defineWith(type).input()).isEqualTo(Map.of("expressions", List.of("1", text)));
        assertThat(new BigDecimal(ExpressionValuesTest.valueOf(text)))
                .isEqualByComparingTo(new BigDecimal(number.toString()));
    }

    @Test
    void defineKeepsABatchAndSplitsItIntoAtMostSixteenTasksUnlessTold() {
        List<String> forty = IntStream.range(0, 40).mapToObj(i -> i + " * 2").toList();

        assertThat(batchOf(forty).defineWith(type).input()).isEqualTo(Map.of("expressions", forty));
        assertThat(batchOf(forty).defineWith(type).options()).isEqualTo(Map.of("tasks", 16));
        assertThat(batch("1", "2", "3").defineWith(type).options()).isEqualTo(Map.of("tasks", 3));
        assertThat(batchOf(forty).tasks(40).defineWith(type).options()).isEqualTo(Map.of("tasks", 40));
        assertThat(batchOf(forty).tasks(new BigDecimal("7.0")).defineWith(type).options())
                .isEqualTo(Map.of("tasks", 7));
    }

    @Test
    void aBatchMayHoldTenThousandExpressionsAndUpToAThousandTasks() {
        List<String> many = Collections.nCopies(ExpressionJobType.MAX_BATCH, "1+1");

        assertThat(batchOf(many).tasks(1000).defineWith(type).options()).isEqualTo(Map.of("tasks", 1000));
    }

    static Stream<Arguments> badJobs() {
        List<String> tooMany = Collections.nCopies(ExpressionJobType.MAX_BATCH + 1, "1");
        return Stream.of(
                arguments(null, "input", "input must be an object with expression (a string) or expressions"),
                arguments(noInput(), "input.expression", "input.expression is required: an arithmetic expression"),
                arguments(noInput().input("expresion", "1"), "input.expresion",
                        "input.expresion is not a known field; expected expression, expressions"),
                arguments(single("1").input("expressions", List.of("2")), "input.expressions",
                        "input.expressions cannot be given together with input.expression; give one of them"),
                arguments(single(true), "input.expression", "input.expression must be a string or a number, got true"),
                arguments(single(null), "input.expression", "input.expression must be a string or a number, got null"),
                arguments(single(List.of("1")), "input.expression",
                        "input.expression must be a string or a number, got an array"),
                arguments(single(Double.NaN), "input.expression",
                        "input.expression must be a string or a number, got NaN"),
                arguments(single("(1 + 2"), "input.expression",
                        "input.expression: missing ')' for the '(' at position 1"),
                arguments(single("1 + 2)"), "input.expression", "input.expression: unexpected ')' at position 6"),
                arguments(batch(), "input.expressions", "input.expressions must hold 1 to 10000 expressions, got 0"),
                arguments(batchOf(tooMany), "input.expressions",
                        "input.expressions must hold 1 to 10000 expressions, got 10001"),
                arguments(noInput().input("expressions", "1+2"), "input.expressions",
                        "input.expressions must be an array of 1 to 10000 expressions, got \"1+2\""),
                arguments(noInput().input("expressions", Map.of()), "input.expressions",
                        "input.expressions must be an array of 1 to 10000 expressions, got an object"),
                arguments(batch("1", "2", "3", Map.of()), "input.expressions[3]",
                        "input.expressions[3] must be a string or a number, got an object"),
                arguments(batch("1", null), "input.expressions[1]",
                        "input.expressions[1] must be a string or a number, got null"),
                arguments(batch("1", "2", "3", "sqrt(1, 2)"), "input.expressions[3]",
                        "input.expressions[3]: sqrt at position 1 takes 1 argument, got 2"),
                arguments(single("1").tasks(2), "options.tasks",
                        "options.tasks must be 1 for a single input.expression, got 2"),
                arguments(single("1").tasks("1"), "options.tasks",
                        "options.tasks must be 1 for a single input.expression, got \"1\""),
                arguments(single("1").option("algorithm", "fast"), "options.algorithm",
                        "options.algorithm is not a known field; expected tasks"),
                arguments(batch("1", "2").tasks(3), "options.tasks",
                        "options.tasks (3) must not be greater than the number of input.expressions (2)"),
                arguments(batch("1", "2").tasks(0), "options.tasks",
                        "options.tasks must be an integer between 1 and 1000, got 0"),
                arguments(batchOf(tooMany.subList(1, tooMany.size())).tasks(1001), "options.tasks",
                        "options.tasks must be an integer between 1 and 1000, got 1001"),
                arguments(batch("1", "2").tasks(1.5), "options.tasks",
                        "options.tasks must be an integer between 1 and 1000, got 1.5"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badJobs")
    void defineRejectsBadJobsNamingTheField(ExpressionJobBuilder job, String field, String message) {
        Map<String, Object> input = job == null ? null : job.input();
        Map<String, Object> options = job == null ? null : job.options();

        assertThatThrownBy(() -> type.define(input, options))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n");
    }

    @Test
    void splitGivesASingleExpressionOneTask() {
        assertThat(type.split(single("2^64").defineWith(type))).containsExactly(Map.of("expression", "2^64"));
    }

    @Test
    void splitGivesContiguousChunksWithTheirOffsets() {
        List<Map<String, Object>> tasks = type.split(batch("1", "2", "3", "4", "5", "6", "7", "8", "9", "10")
                .tasks(3).defineWith(type));

        assertThat(tasks).containsExactly(
                Map.of("offset", 0, "expressions", List.of("1", "2", "3")),
                Map.of("offset", 3, "expressions", List.of("4", "5", "6")),
                Map.of("offset", 6, "expressions", List.of("7", "8", "9", "10")));
    }

    @ParameterizedTest(name = "{0} expressions in {1} tasks")
    @CsvSource({"1, 1", "2, 1", "2, 2", "7, 3", "16, 16", "100, 7", "1000, 999", "10000, 1000", "9999, 16"})
    void splitCoversEveryExpressionOnceInOrderInChunksOfNearEqualSize(int count, int tasks) {
        List<String> expressions = IntStream.range(0, count).mapToObj(String::valueOf).toList();

        List<Map<String, Object>> payloads = type.split(batchOf(expressions).tasks(tasks).defineWith(type));

        assertThat(payloads).hasSize(tasks);
        List<Object> covered = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (Map<String, Object> payload : payloads) {
            assertThat(payload.get("offset")).isEqualTo(covered.size());
            List<?> chunk = (List<?>) payload.get("expressions");
            covered.addAll(chunk);
            sizes.add(chunk.size());
        }
        assertThat(covered).isEqualTo(expressions);
        assertThat(Collections.max(sizes) - Collections.min(sizes)).isLessThanOrEqualTo(1);
        assertThat(Collections.min(sizes)).isPositive();
    }

    @Test
    void computeGivesTheValueOfASingleExpression() {
        assertThat(type.compute(Map.of("expression", "(1 + 2) * 3 / 4"))).isEqualTo(Map.of("value", "2.25"));
    }

    @Test
    void computeGivesEveryExpressionOfAChunkItsOwnOutcome() {
        Map<String, Object> result = type.compute(Map.of("offset", 10,
                "expressions", List.of("1 + 1", "1/0", "2^0.5", "sqrt(2) * 0")));

        assertThat(result).isEqualTo(Map.of("results", List.of(
                Map.of("index", 10, "expression", "1 + 1", "status", "COMPLETED", "value", "2"),
                Map.of("index", 11, "expression", "1/0", "status", "FAILED",
                        "error", "division by zero at position 2"),
                Map.of("index", 12, "expression", "2^0.5", "status", "FAILED",
                        "error", "exponent of ^ at position 2 must be an integer, got 0.5"),
                Map.of("index", 13, "expression", "sqrt(2) * 0", "status", "COMPLETED", "value", "0"))));
    }

    @Test
    void computeReadsTheOffsetAsAnyIntegralJsonNumber() {
        for (Object offset : List.of(5L, BigInteger.valueOf(5), 5.0, new BigDecimal("5"))) {
            assertThat(type.compute(Map.of("offset", offset, "expressions", List.of("7"))))
                    .isEqualTo(Map.of("results", List.of(
                            Map.of("index", 5, "expression", "7", "status", "COMPLETED", "value", "7"))));
        }
    }

    static Stream<Map<String, Object>> malformedTasks() {
        return Stream.of(
                Map.of(),
                Map.of("expression", 42),
                Map.of("expressions", List.of("1")),
                Map.of("offset", -1, "expressions", List.of("1")),
                Map.of("offset", 1.5, "expressions", List.of("1")),
                Map.of("offset", 0, "expressions", "1"),
                Map.of("offset", 0, "expressions", List.of(1)));
    }

    @ParameterizedTest
    @MethodSource("malformedTasks")
    void computeRejectsMalformedTasks(Map<String, Object> task) {
        assertThatThrownBy(() -> type.compute(task)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitComputeAndCombineInAnyOrderGiveEveryOutcomeSortedByIndex() {
        List<String> expressions = IntStream.range(0, 50).mapToObj(i -> i % 10 == 9 ? i + "/0" : i + "^2").toList();
        List<Map<String, Object>> results = new ArrayList<>();
        for (Map<String, Object> task : type.split(batchOf(expressions).tasks(7).defineWith(type))) {
            results.add(type.compute(task));
        }
        results.add(results.get(3));
        Collections.shuffle(results, new Random(42));

        Map<String, Object> combined = type.emptyResult();
        for (Map<String, Object> result : results) {
            combined = type.combine(combined, result);
        }

        List<?> outcomes = (List<?>) combined.get("results");
        assertThat(outcomes).hasSize(50);
        for (int i = 0; i < 50; i++) {
            Map<?, ?> outcome = (Map<?, ?>) outcomes.get(i);
            assertThat(outcome.get("index")).isEqualTo(i);
            assertThat(outcome.get("status")).isEqualTo(i % 10 == 9 ? "FAILED" : "COMPLETED");
            if (i % 10 != 9) {
                assertThat(outcome.get("value")).isEqualTo(String.valueOf(i * i));
            }
        }
    }

    @Test
    void combineKeepsOneValueOfASingleExpressionDeliveredTwice() {
        Map<String, Object> value = type.compute(Map.of("expression", "2^64"));

        assertThat(type.combine(value, value)).isEqualTo(value);
        assertThat(type.combine(type.emptyResult(), value)).isEqualTo(value);
        assertThat(type.combine(value, type.emptyResult())).isEqualTo(value);
        assertThat(type.combine(Map.of("value", "1"), Map.of("value", "2")))
                .isEqualTo(type.combine(Map.of("value", "2"), Map.of("value", "1")));
        assertThat(type.emptyResult()).isEqualTo(Map.of());
    }

    @Test
    void combineRejectsResultsItCannotHaveMade() {
        Map<String, Object> batchResult = type.compute(Map.of("offset", 0, "expressions", List.of("1")));

        assertThatThrownBy(() -> type.combine(Map.of("value", "1"), batchResult))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> type.combine(Map.of("count", 1), batchResult))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> type.combine(Map.of("results", List.of(Map.of("index", "0"))), batchResult))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> type.combine(null, batchResult)).isInstanceOf(IllegalArgumentException.class);
    }
}
