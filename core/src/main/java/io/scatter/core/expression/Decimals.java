package io.scatter.core.expression;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Measuring, normalising and printing the exact decimals expressions compute with. */
final class Decimals {

    private static final BigInteger TEN_TO_THE_18 = BigInteger.TEN.pow(18);
    private static final int LONGEST_SHOWN_VALUE = 40;

    private Decimals() {
    }

    /**
     * {@code value} without trailing zeros, as {@link BigDecimal#stripTrailingZeros()} but dividing by 10^18 at a
     * time, since the JDK's one 10 at a time takes tens of milliseconds on a number with thousands of zeros.
     */
    static BigDecimal strip(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigInteger unscaled = value.unscaledValue();
        long scale = value.scale();
        if (unscaled.testBit(0)) {
            return value;
        }
        for (BigInteger divisor : new BigInteger[]{TEN_TO_THE_18, BigInteger.TEN}) {
            long zeros = divisor == BigInteger.TEN ? 1 : 18;
            while (true) {
                BigInteger[] quotientAndRemainder = unscaled.divideAndRemainder(divisor);
                if (quotientAndRemainder[1].signum() != 0) {
                    break;
                }
                unscaled = quotientAndRemainder[0];
                scale -= zeros;
            }
        }
        return new BigDecimal(unscaled, Math.toIntExact(scale));
    }

    /**
     * How many digits {@code value} has written out in full, not counting a lone 0 before the point: the measure
     * {@link ExpressionLimits#MAX_DIGITS} bounds. Trailing zeros after the point do not count.
     */
    static long digits(BigDecimal value) {
        if (value.signum() == 0) {
            return 1;
        }
        BigDecimal stripped = value.scale() > 0 ? strip(value) : value;
        long precision = stripped.precision();
        long scale = stripped.scale();
        return scale <= 0 ? precision - scale : Math.max(precision, scale);
    }

    /** The plain decimal text of {@code value}: no exponent, no trailing zeros after the point, zero as {@code 0}. */
    static String format(BigDecimal value) {
        return value.signum() == 0 ? "0" : strip(value).toPlainString();
    }

    /** {@link #format} shortened for an error message. */
    static String shown(BigDecimal value) {
        String text = format(value);
        return text.length() > LONGEST_SHOWN_VALUE ? text.substring(0, LONGEST_SHOWN_VALUE) + "..." : text;
    }
}
