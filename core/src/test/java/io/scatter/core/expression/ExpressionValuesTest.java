package io.scatter.core.expression;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExpressionValuesTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            (1 + 2) * 3 / 4           | 2.25
            2^64                      | 18446744073709551616
            1/3                       | 0.3333333333333333333333333333333333
            2/3                       | 0.6666666666666666666666666666666667
            1/7 * 7                   | 1.0000000000000000000000000000000003
            -2^2                      | -4
            (-2)^2                    | 4
            2^3^2                     | 512
            2^-1                      | 0.5
            2^-2^2                    | 0.0625
            3^-2                      | 0.1111111111111111111111111111111111
            10^-3                     | 0.001
            2^5.0                     | 32
            2^0                       | 1
            0^0                       | 1
            1^2000000                 | 1
            (-1)^1000001              | -1
            -7 % 3                    | -1
            7 % -3                    | 1
            7.5 % 2                   | 1.5
            5 % 0.3                   | 0.2
            12 % 4                    | 0
            sqrt(2)                   | 1.414213562373095048801688724209698
            sqrt(16)                  | 4
            sqrt(0)                   | 0
            sqrt(0.01)                | 0.1
            min(3, 1, 2)              | 1
            max(3, 1, 2)              | 3
            min(-1.5)                 | -1.5
            max(1, 2) * min(3, 4)     | 6
            round(2.5)                | 3
            round(-2.5)               | -3
            round(2.4)                | 2
            round(3.14159, 2)         | 3.14
            round(2.675, 2)           | 2.68
            round(-1.005, 2)          | -1.01
            round(1, 3)               | 1
            round(1234.5678, 0)       | 1235
            abs(-3.5)                 | 3.5
            abs(2)                    | 2
            1e3                       | 1000
            1.5E-3                    | 0.0015
            1e-5                      | 0.00001
            1E+2                      | 100
            .5 + .5                   | 1
            0.1 + 0.2                 | 0.3
            1.50                      | 1.5
            100                       | 100
            10 - 4 - 3                | 3
            100 / 10 / 5              | 2
            2 + 3 * 4                 | 14
            2 * 3 + 4                 | 10
            2 * 3 ^ 2                 | 18
            8 / 2 * 4                 | 16
            2 - 3 + 4                 | 3
            --3                       | 3
            +5                        | 5
            -1 - -1                   | 0
            1 - 1                     | 0
            0.5 - 0.5                 | 0
            0 * -1                    | 0
            -0                        | 0
            1e-10 * 0                 | 0
            123456789 * 987654321     | 121932631112635269
            (((1)))                   | 1
            2^10 - 1                  | 1023
            """)
    void evaluatesToTheExactValue(String expression, String value) {
        assertThat(valueOf(expression)).isEqualTo(value);
    }

    @Test
    void whitespaceMayStandAnywhereBetweenTokens() {
        assertThat(valueOf(" \t( 1\n+2 )\r\n*  max( 3 ,4 ) ")).isEqualTo("12");
        assertThat(valueOf("(1+2)*max(3,4)")).isEqualTo("12");
    }

    @Test
    void aLongQuotientKeepsThirtyFourSignificantDigits() {
        assertThat(valueOf("10^40 / 3")).isEqualTo("3333333333333333333333333333333333000000");
        assertThat(valueOf("1 / 3 / 10^20")).isEqualTo("0.00000000000000000000" + "3".repeat(34));
    }

    @Test
    void valuesUpToTheDigitLimitAreComputedExactly() {
        assertThat(valueOf("10^9999")).isEqualTo("1" + "0".repeat(9999));
        assertThat(valueOf("10^-9999")).isEqualTo("0." + "0".repeat(9998) + "1");
        assertThat(valueOf("1e-10000")).isEqualTo("0." + "0".repeat(9999) + "1");
        assertThat(valueOf("2^33000 / 2^33000")).isEqualTo("1");
    }

    static String valueOf(String expression) {
        return Expression.parse(expression).evaluateToText();
    }
}
