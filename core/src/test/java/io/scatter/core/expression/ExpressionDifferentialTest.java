package io.scatter.core.expression;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.BigRange;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares the evaluator with an independent one: integer trees rendered to text, evaluated with BigInteger. */
class ExpressionDifferentialTest {

    private static final String[] SPACES = {"", "", "", " ", "  ", "\t", "\n"};

    /** A test-side expression tree, evaluated without the production code. */
    sealed interface Tree {

        BigInteger value();

        /** Binding strength as the grammar sees it: 1 for + -, 2 for *, 3 for unary minus, 4 for ^, 5 for a number. */
        int strength();
    }

    record Num(int number) implements Tree {
        public BigInteger value() {
            return BigInteger.valueOf(number);
        }

        public int strength() {
            return 5;
        }
    }

    record Neg(Tree operand) implements Tree {
        public BigInteger value() {
            return operand.value().negate();
        }

        public int strength() {
            return 3;
        }
    }

    record Bin(char operator, Tree left, Tree right) implements Tree {
        public BigInteger value() {
            return switch (operator) {
                case '+' -> left.value().add(right.value());
                case '-' -> left.value().subtract(right.value());
                default -> left.value().multiply(right.value());
            };
        }

        public int strength() {
            return operator == '*' ? 2 : 1;
        }
    }

    record Pow(Tree base, int exponent) implements Tree {
        public BigInteger value() {
            return base.value().pow(exponent);
        }

        public int strength() {
            return 4;
        }
    }

    @Property(tries = 1000)
    void integerExpressionsEvaluateExactlyAsAnIndependentBigIntegerEvaluation(@ForAll("trees") Tree tree,
                                                                             @ForAll long layoutSeed) {
        Random layout = new Random(layoutSeed);
        String text = operand(tree, false, layout);

        assertThat(ExpressionValuesTest.valueOf(text)).as(text).isEqualTo(tree.value().toString());
    }

    @Property(tries = 500)
    void aQuotientOfIntegersIsTheDivisionRoundedToDecimal128(
            @ForAll @BigRange(min = "-1000000000000000000000000", max = "1000000000000000000000000") BigInteger a,
            @ForAll @BigRange(min = "-1000000000000", max = "1000000000000") BigInteger b) {
        if (b.signum() == 0) {
            return;
        }
        BigDecimal expected = new BigDecimal(a).divide(new BigDecimal(b), MathContext.DECIMAL128);

        String value = ExpressionValuesTest.valueOf(a + " / " + b);

        assertThat(value).isEqualTo(expected.signum() == 0 ? "0" : expected.stripTrailingZeros().toPlainString());
    }

    @Provide
    Arbitrary<Tree> trees() {
        return Arbitraries.recursive(ExpressionDifferentialTest::numbers, ExpressionDifferentialTest::oneLevelMore,
                0, 6);
    }

    private static Arbitrary<Tree> numbers() {
        return Arbitraries.integers().between(0, 99).map(Num::new);
    }

    private static Arbitrary<Tree> oneLevelMore(Arbitrary<Tree> inner) {
        return Arbitraries.frequencyOf(
                Tuple.of(1, numbers()),
                Tuple.of(1, inner.map(Neg::new)),
                Tuple.of(5, Combinators.combine(Arbitraries.of('+', '-', '*'), inner, inner).as(Bin::new)),
                Tuple.of(2, Combinators.combine(inner, Arbitraries.integers().between(0, 3)).as(Pow::new)));
    }

    /**
     * The tree as text with the parentheses its structure needs, others added at random, and random whitespace
     * between tokens.
     */
    static String render(Tree tree, Random random) {
        String text;
        if (tree instanceof Num num) {
            text = String.valueOf(num.number());
        } else if (tree instanceof Neg neg) {
            text = "-" + space(random) + operand(neg.operand(), neg.operand().strength() < 3, random);
        } else if (tree instanceof Bin bin) {
            int strength = bin.strength();
            text = operand(bin.left(), bin.left().strength() < strength, random) + space(random) + bin.operator()
                    + space(random) + operand(bin.right(), bin.right().strength() <= strength, random);
        } else {
            Pow pow = (Pow) tree;
            text = operand(pow.base(), pow.base().strength() < 5, random) + space(random) + "^" + space(random)
                    + operand(new Num(pow.exponent()), false, random);
        }
        return text;
    }

    private static String operand(Tree tree, boolean needsParentheses, Random random) {
        String text = render(tree, random);
        if (needsParentheses || random.nextInt(8) == 0) {
            return "(" + space(random) + text + space(random) + ")";
        }
        return text;
    }

    private static String space(Random random) {
        return SPACES[random.nextInt(SPACES.length)];
    }
}
