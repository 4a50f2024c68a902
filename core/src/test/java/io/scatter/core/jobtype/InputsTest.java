package io.scatter.core.jobtype;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class InputsTest {

    static Stream<Arguments> integralNumbers() {
        return Stream.of(
                arguments((byte) 7, 7L),
                arguments((short) -7, -7L),
                arguments(42, 42L),
                arguments(Long.MAX_VALUE, Long.MAX_VALUE),
                arguments(BigInteger.valueOf(Long.MIN_VALUE), Long.MIN_VALUE),
                arguments(new BigDecimal("12.000"), 12L),
                arguments(new BigDecimal("1E+3"), 1000L),
                arguments(1e15, 1_000_000_000_000_000L),
                arguments(-0.0, 0L),
                arguments(9_007_199_254_740_992.0, 9_007_199_254_740_992L),
                arguments(3f, 3L));
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @MethodSource("integralNumbers")
    void integralNumbersOfEveryJsonTypeReadExactly(Object value, long expected) {
        assertThat(Inputs.asLong(value)).hasValue(expected);
    }

    static Stream<Object> nonIntegralValues() {
        return Stream.of(null, "5", true, 1.5, Double.NaN, Double.POSITIVE_INFINITY, 1e16 + 2,
                new BigDecimal("1.5"), new BigDecimal("1E+30"), BigInteger.TWO.pow(64), List.of(1), Map.of());
    }

    @ParameterizedTest
    @MethodSource("nonIntegralValues")
    void anythingElseIsNotAnInteger(Object value) {
        assertThat(Inputs.asLong(value)).isEqualTo(OptionalLong.empty());
    }

    @Test
    void requireLongReadsTheKeyAfterTheLastDotAndNamesTheWholeField() {
        assertThat(Inputs.requireLong(Map.of("from", 3), "input.from", 0, 10)).isEqualTo(3);
        assertThatThrownBy(() -> Inputs.requireLong(Map.of("from", 11), "input.from", 0, 10))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("input.from"))
                .hasMessage("input.from must be an integer between 0 and 10, got 11");
        assertThatThrownBy(() -> Inputs.requireLong(Map.of(), "input.from", 0, 10))
                .hasMessage("input.from is required: an integer between 0 and 10");
    }

    @Test
    void optionalValuesFallBackToTheirDefaultsOnlyWhenAbsent() {
        assertThat(Inputs.optionalLong(null, "options.tasks", 1, 10, 4)).isEqualTo(4);
        assertThat(Inputs.optionalLong(Map.of("tasks", 9), "options.tasks", 1, 10, 4)).isEqualTo(9);
        assertThat(Inputs.optionalChoice(Map.of(), "options.mode", List.of("a", "b"), "a")).isEqualTo("a");
        assertThat(Inputs.optionalChoice(Map.of("mode", "b"), "options.mode", List.of("a", "b"), "a")).isEqualTo("b");
        assertThatThrownBy(() -> Inputs.optionalChoice(Map.of("mode", "c"), "options.mode", List.of("a", "b"), "a"))
                .hasMessage("options.mode must be one of a, b, got \"c\"");
    }

    @Test
    void valuesInMessagesStayOnOneShortLine() {
        assertThat(Inputs.describe("two\nlines")).isEqualTo("\"two\\nlines\"");
        assertThat(Inputs.describe("x".repeat(1000))).hasSizeLessThan(50);
        assertThat(Inputs.describe(Map.of("a", 1))).isEqualTo("an object");
        assertThat(Inputs.describe(null)).isEqualTo("null");
        assertThat(Inputs.describe(new BigDecimal("1E+400"))).isEqualTo("1E+400");
    }

    @Test
    void unknownKeysAreRejectedByTheirFullName() {
        Inputs.rejectUnknownKeys(Map.of("from", 1), "input", List.of("from", "to"));
        Inputs.rejectUnknownKeys(null, "options", List.of());

        assertThatThrownBy(() -> Inputs.rejectUnknownKeys(Map.of("form", 1), "input", List.of("from", "to")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("input.form"))
                .hasMessage("input.form is not a known field; expected from, to");
    }
}
