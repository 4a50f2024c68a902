package io.scatter.core.expression;

import io.scatter.core.jobtype.InvalidInputException;
import io.scatter.core.jobtype.TaskFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ExpressionErrorsTest {

    private final ExpressionJobType type = new ExpressionJobType();

    static Stream<Arguments> malformedExpressions() {
        return Stream.of(
                arguments("", "the expression is empty"),
                arguments("   \t ", "the expression is empty"),
                arguments("(1 + 2", "missing ')' for the '(' at position 1"),
                arguments("((1) + 2", "missing ')' for the '(' at position 1"),
                arguments("1 + 2)", "unexpected ')' at position 6"),
                arguments("(1+", "unexpected end of expression at position 4"),
                arguments("()", "unexpected ')' at position 2"),
                arguments("1 + 2 3", "unexpected '3' at position 7"),
                arguments("1 + 2 abc", "unexpected 'abc' at position 7"),
                arguments("1 + * 2", "unexpected '*' at position 5"),
                arguments("2 ^ / 3", "unexpected '/' at position 5"),
                arguments("1,2", "unexpected ',' at position 2"),
                arguments("1 # 2", "unexpected character '#' at position 3"),
                arguments("2 × 3", "unexpected character '×' (U+00D7) at position 3"),
                arguments("1\u00a0+ 2", "unexpected character U+00A0 at position 2"),
                arguments(".", "expected a digit before or after '.' at position 1"),
                arguments("1e", "expected digits after 'e' at position 3"),
                arguments("2E+x", "expected digits after 'E' at position 4"),
                arguments("foo(1)",
                        "unknown function 'foo' at position 1; known functions: abs, max, min, round, sqrt"),
                arguments("1 + SQRT(4)", "unknown function 'SQRT' at position 5; known functions: abs, max, min, "
                        + "round, sqrt"),
                arguments("sqrt 4", "expected '(' after sqrt at position 6, found '4'"),
                arguments("sqrt(1, 2)", "sqrt at position 1 takes 1 argument, got 2"),
                arguments("abs()", "abs at position 1 takes 1 argument, got 0"),
                arguments("min()", "min at position 1 takes at least 1 argument, got 0"),
                arguments("2 * max()", "max at position 5 takes at least 1 argument, got 0"),
                arguments("round(1, 2, 3)", "round at position 1 takes 1 or 2 arguments, got 3"),
                arguments("max(1 2)", "unexpected '2' at position 7"),
                arguments("1".repeat(1001), "number at position 1 has more than 1000 digits"),
                arguments("1 + 0." + "0".repeat(1000), "number at position 5 has more than 1000 digits"),
                arguments("1e10001", "exponent of the number at position 1 must be between -10000 and 10000"),
                arguments("2 * 1e-99999999999999999999", "exponent of the number at position 5 must be between "
                        + "-10000 and 10000"),
                arguments("1e10000", "number at position 1 would have more than 10000 digits written out"),
                arguments("(".repeat(201) + "1" + ")".repeat(201),
                        "expression nests more than 200 levels deep at position 201"),
                arguments("sqrt(".repeat(201) + "1" + ")".repeat(201),
                        "expression nests more than 200 levels deep at position 1005"),
                arguments("-".repeat(201) + "1", "expression nests more than 200 levels deep at position 201"),
                arguments("2^" + "-".repeat(201) + "1", "expression nests more than 200 levels deep at position 203"),
                arguments("1+".repeat(5000) + "1",
                        "the expression is 10001 characters long; at most 10000 are allowed"),
                arguments("(".repeat(100_000), "the expression is 100000 characters long; at most 10000 are allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedExpressions")
    void defineRejectsAMalformedExpressionNamingThePosition(String expression, String message) {
        assertThatThrownBy(() -> type.define(Map.of("expression", expression), null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("input.expression"))
                .hasMessage("input.expression: " + message);
    }

    @Test
    void nestingUpToTheLimitIsFine() {
        String nested = "(".repeat(200) + "1" + ")".repeat(200);

        assertThat(type.define(Map.of("expression", nested), null).input()).containsEntry("expression", nested);
        assertThat(type.define(Map.of("expression", "-".repeat(200) + "1"), null).input()).isNotEmpty();
    }

    @Test
    void aHundredThousandOpeningParenthesesStopAtTheDepthLimitWithoutOverflowingTheStack() {
        assertThatThrownBy(() -> Parser.parse("(".repeat(100_000)))
                .isInstanceOf(ExpressionSyntaxException.class)
                .hasMessage("expression nests more than 200 levels deep at position 201");
        assertThatThrownBy(() -> Parser.parse("-".repeat(100_000) + "1"))
                .hasMessage("expression nests more than 200 levels deep at position 201");
        assertThatThrownBy(() -> Parser.parse("max(".repeat(100_000)))
                .hasMessage("expression nests more than 200 levels deep at position 804");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1/0                      | division by zero at position 2
            1 + 2 / (3 - 3)          | division by zero at position 7
            1/0 + 1/0                | division by zero at position 2
            5 % 0                    | modulo by zero at position 3
            0.5 % (1 - 1)            | modulo by zero at position 5
            0^-1                     | division by zero at position 2
            sqrt(-4)                 | sqrt of a negative number at position 1: -4
            2 * sqrt(0 - 0.25)       | sqrt of a negative number at position 5: -0.25
            2^0.5                    | exponent of ^ at position 2 must be an integer, got 0.5
            9^9^9^9                  | result of ^ at position 4 would have more than 10000 digits
            2^2000000                | result of ^ at position 2 would have more than 10000 digits
            2^-2000000               | result of ^ at position 2 would have more than 10000 digits
            2^40000                  | result of ^ at position 2 would have more than 10000 digits
            2^-40000                 | result of ^ at position 2 would have more than 10000 digits
            0.5^20000                | result of ^ at position 4 would have more than 10000 digits
            10^10000                 | result of ^ at position 3 would have more than 10000 digits
            10^10000 * 10^10000      | result of ^ at position 3 would have more than 10000 digits
            10^5000 * 10^5000        | result of * at position 9 would have more than 10000 digits
            10^-5000 * 10^-5001      | result of * at position 10 would have more than 10000 digits
            2^17000 * 2^17000        | result of * at position 9 would have more than 10000 digits
            (1 + 1e-5000) * (1 + 1e-5001) | result of * at position 15 would have more than 10000 digits
            1e9999 + 1e-9999         | result of + at position 8 would have more than 10000 digits
            1e9999 - 1e-9999         | result of - at position 8 would have more than 10000 digits
            1e-9000 / 1e9000         | result of / at position 9 would have more than 10000 digits
            10^9999 * 10             | result of * at position 9 would have more than 10000 digits
            round(1, 1001) | decimal places of round at position 1 must be an integer between 0 and 1000, got 1001
            round(1, 0.5) | decimal places of round at position 1 must be an integer between 0 and 1000, got 0.5
            round(1, -1) | decimal places of round at position 1 must be an integer between 0 and 1000, got -1
            """)
    void computeFailsTheTaskWithTheReasonAndPosition(String expression, String message) {
        assertThatThrownBy(() -> type.compute(Map.of("expression", expression)))
                .isExactlyInstanceOf(TaskFailedException.class)
                .hasMessage(message);
    }

    @Test
    void aLongValueInAMessageIsCutToFortyCharacters() {
        assertThatThrownBy(() -> type.compute(Map.of("expression", "2^(10^10 + 1/3)")))
                .hasMessage("exponent of ^ at position 2 must be an integer, got "
                        + "10000000000.3333333333333333333333333333...");
    }

    @Test
    void evaluationErrorsAreNotFoundByDefine() {
        assertThat(type.define(Map.of("expression", "1/0"), null).input()).containsEntry("expression", "1/0");
        assertThat(type.define(Map.of("expression", "9^9^9^9"), null).input()).isNotEmpty();
    }

    @Test
    void aTowerOfPowersFailsOnTheSizeEstimateInsteadOfComputing() {
        assertThatThrownBy(() -> type.compute(Map.of("expression", "9^9^9^9")))
                .isInstanceOf(TaskFailedException.class)
                .hasMessage("result of ^ at position 4 would have more than 10000 digits");
        assertThatThrownBy(() -> type.compute(Map.of("expression", "(1.0000001)^999999")))
                .hasMessage("result of ^ at position 12 would have more than 10000 digits");
        assertThatThrownBy(() -> type.compute(Map.of("expression", "123456789^999999")))
                .hasMessage("result of ^ at position 10 would have more than 10000 digits");
    }

    @Test
    void aTaskWhoseExpressionDoesNotParseFailsWithTheSyntaxError() {
        assertThatThrownBy(() -> type.compute(Map.of("expression", "(1+")))
                .isInstanceOf(TaskFailedException.class)
                .hasMessage("unexpected end of expression at position 4");
    }
}
