package io.scatter.core.expression;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

import static org.assertj.core.api.Assertions.assertThat;

class ArithmeticTest {

    @Property(tries = 500)
    void sqrtAgreesWithTheJdksSquareRootRoundedToDecimal128(@ForAll("positiveDecimals") BigDecimal x) {
        assertThat(Arithmetic.sqrt(x, 1)).isEqualByComparingTo(x.sqrt(MathContext.DECIMAL128));
    }

    @Property(tries = 200)
    void sqrtOfASquareIsExact(@ForAll("positiveDecimals") BigDecimal x) {
        BigDecimal rounded = x.round(new MathContext(30));

        assertThat(Arithmetic.sqrt(rounded.multiply(rounded), 1)).isEqualByComparingTo(rounded);
    }

    @Property(tries = 500)
    void remainderAgreesWithTheJdksRemainder(@ForAll("decimals") BigDecimal a, @ForAll("decimals") BigDecimal b) {
        if (b.signum() == 0) {
            return;
        }
        assertThat(Arithmetic.remainder(a, b, 1)).isEqualByComparingTo(a.remainder(b));
    }

    @Property(tries = 500)
    void stripAgreesWithTheJdksStripTrailingZeros(@ForAll("decimals") BigDecimal x,
                                                 @ForAll @IntRange(max = 300) int zeros) {
        BigDecimal padded = x.setScale(x.scale() + zeros);

        assertThat(Decimals.strip(padded)).isEqualTo(padded.stripTrailingZeros());
    }

    @Property(tries = 500)
    void digitsCountsTheDigitsOfThePlainTextWithoutALeadingZero(@ForAll("decimals") BigDecimal x) {
        String plain = x.signum() == 0 ? "0" : x.stripTrailingZeros().toPlainString();
        String digits = plain.replace("-", "").replace(".", "").replaceFirst("^0(?=.)", "");

        assertThat(Decimals.digits(x)).isEqualTo(digits.length());
    }

    @Property(tries = 300)
    void thePowerEstimateIsWithinADigitOfTheTruth(@ForAll("decimals") BigDecimal base,
                                                   @ForAll @IntRange(min = 1, max = 60) int exponent) {
        if (base.signum() == 0) {
            return;
        }
        long actual = Decimals.digits(base.pow(exponent));

        assertThat(Arithmetic.estimatedPowerDigits(base, exponent)).isBetween(actual - 1.0, actual + 1.0);
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(60).negate(), BigInteger.TEN.pow(60));
        return Combinators.combine(unscaled, Arbitraries.integers().between(-40, 40)).as(BigDecimal::new);
    }

    @Provide
    Arbitrary<BigDecimal> positiveDecimals() {
        Arbitrary<BigInteger> unscaled = Arbitraries.integers().between(1, 3000)
                .flatMap(digits -> Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(digits)));
        return Combinators.combine(unscaled, Arbitraries.integers().between(-3000, 3000)).as(BigDecimal::new);
    }
}
