package io.scatter.core.expression;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParserTest {

    @Test
    void multiplicationBindsTighterThanAdditionAndEachNodeKeepsItsPosition() {
        assertThat(Parser.parse("1 + 2 * 3")).isEqualTo(
                new Node.Binary(Operator.ADD, literal("1", 1),
                        new Node.Binary(Operator.MULTIPLY, literal("2", 5), literal("3", 9), 7), 3));
    }

    @Test
    void subtractionAndDivisionAssociateToTheLeft() {
        assertThat(Parser.parse("8-4-2")).isEqualTo(new Node.Binary(Operator.SUBTRACT,
                new Node.Binary(Operator.SUBTRACT, literal("8", 1), literal("4", 3), 2), literal("2", 5), 4));
        assertThat(Parser.parse("8/4%2")).isEqualTo(new Node.Binary(Operator.REMAINDER,
                new Node.Binary(Operator.DIVIDE, literal("8", 1), literal("4", 3), 2), literal("2", 5), 4));
    }

    @Test
    void powerAssociatesToTheRightAndBindsTighterThanUnaryMinus() {
        assertThat(Parser.parse("2^3^2")).isEqualTo(new Node.Binary(Operator.POWER, literal("2", 1),
                new Node.Binary(Operator.POWER, literal("3", 3), literal("2", 5), 4), 2));
        assertThat(Parser.parse("-2^2")).isEqualTo(new Node.Negation(
                new Node.Binary(Operator.POWER, literal("2", 2), literal("2", 4), 3), 1));
        assertThat(Parser.parse("2^-3^2")).isEqualTo(new Node.Binary(Operator.POWER, literal("2", 1),
                new Node.Negation(new Node.Binary(Operator.POWER, literal("3", 4), literal("2", 6), 5), 3), 2));
    }

    @Test
    void unaryPlusLeavesNoNodeAndParenthesesLeaveNone() {
        assertThat(Parser.parse("+(((7)))")).isEqualTo(literal("7", 5));
    }

    @Test
    void aCallKeepsItsArgumentsInOrder() {
        assertThat(Parser.parse("max(1, -2)")).isEqualTo(new Node.Call(MathFunction.MAX,
                List.of(literal("1", 5), new Node.Negation(literal("2", 9), 8)), 1));
    }

    @Test
    void chainsOfThousandsOfOperatorsParseAndEvaluateWithoutDeepRecursion() {
        assertThat(ExpressionValuesTest.valueOf("1+".repeat(4999) + "1")).isEqualTo("5000");
        assertThat(ExpressionValuesTest.valueOf("1^".repeat(4999) + "1")).isEqualTo("1");
        assertThat(ExpressionValuesTest.valueOf("(-1)^-".repeat(150) + "3")).isEqualTo("-1");
        assertThat(ExpressionValuesTest.valueOf("1-".repeat(4999) + "1")).isEqualTo("-4998");
    }

    private static Node.Literal literal(String value, int position) {
        return new Node.Literal(new BigDecimal(value), position);
    }
}
