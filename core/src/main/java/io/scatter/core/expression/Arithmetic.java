package io.scatter.core.expression;

import io.scatter.core.jobtype.TaskFailedException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The operations of expressions on exact decimals, each failing with a {@link TaskFailedException} that names its
 * position when its result would break {@link ExpressionLimits#MAX_DIGITS} (found before computing for ^ and *).
 */
final class Arithmetic {

    /** The precision of {@code /}, {@code sqrt} and negative powers: 34 significant digits, rounded HALF_EVEN. */
    static final MathContext ROUNDED = MathContext.DECIMAL128;

    private static final double LOG10_OF_2 = Math.log10(2);

    private Arithmetic() {
    }

    static BigDecimal add(BigDecimal a, BigDecimal b, int position) {
        return checked(a.add(b), "+", position);
    }

    static BigDecimal subtract(BigDecimal a, BigDecimal b, int position) {
        return checked(a.subtract(b), "-", position);
    }

    /** Fails at once when the magnitudes alone show the product is too large (or too small) to write out. */
    static BigDecimal multiply(BigDecimal a, BigDecimal b, int position) {
        if (a.signum() == 0 || b.signum() == 0) {
            return BigDecimal.ZERO;
        }
        long magnitude = (long) magnitude(a) + magnitude(b);
        if (magnitude + 1 > ExpressionLimits.MAX_DIGITS || -(magnitude + 1) > ExpressionLimits.MAX_DIGITS) {
            throw tooLarge("*", position);
        }
        return checked(a.multiply(b), "*", position);
    }

    static BigDecimal divide(BigDecimal a, BigDecimal b, int position) {
        if (b.signum() == 0) {
            throw new TaskFailedException("division by zero at position " + position);
        }
        return checked(a.divide(b, ROUNDED), "/", position);
    }

    /**
     * The remainder of truncating division, equal to {@link BigDecimal#remainder} (its sign is the dividend's), but
     * computed on integers at a common scale, which is a hundred times faster on numbers of thousands of digits.
     */
    static BigDecimal remainder(BigDecimal a, BigDecimal b, int position) {
        if (b.signum() == 0) {
            throw new TaskFailedException("modulo by zero at position " + position);
        }
        int scale = Math.max(a.scale(), b.scale());
        BigInteger remainder = a.setScale(scale).unscaledValue().remainder(b.setScale(scale).unscaledValue());
        return checked(new BigDecimal(remainder, scale), "%", position);
    }

    /**
     * {@code base ^ exponent} for an integer exponent: exact when it is positive, {@code 1 / base^|exponent|}
     * rounded as {@code /} when negative ({@code base^|exponent|} must then fit the limit too); {@code 0^0 = 1}.
     */
    static BigDecimal power(BigDecimal base, BigDecimal exponent, int position) {
        BigInteger n = integerExponent(exponent, position);
        if (base.signum() == 0) {
            if (n.signum() < 0) {
                throw new TaskFailedException("division by zero at position " + position);
            }
            return n.signum() == 0 ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (base.abs().compareTo(BigDecimal.ONE) == 0) {
            return base.signum() < 0 && n.testBit(0) ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        }
        if (n.abs().compareTo(BigInteger.valueOf(ExpressionLimits.MAX_POWER_EXPONENT)) > 0) {
            throw tooLarge("^", position);
        }
        int k = n.abs().intValueExact();
        if (estimatedPowerDigits(base, k) > ExpressionLimits.MAX_DIGITS + 1) {
            throw tooLarge("^", position);
        }
        BigDecimal power = checked(base.pow(k), "^", position);
        return n.signum() >= 0 ? power : checked(BigDecimal.ONE.divide(power, ROUNDED), "^", position);
    }

    /**
     * The square root rounded to {@link #ROUNDED}, from an integer square root of {@code x} cut to 70 significant
     * digits plus a sticky digit for whatever was cut or left over: correctly rounded, and as fast for a number of
     * 10,000 digits as for one of 10, where {@link BigDecimal#sqrt} takes milliseconds.
     */
    static BigDecimal sqrt(BigDecimal x, int position) {
        if (x.signum() < 0) {
            throw new TaskFailedException("sqrt of a negative number at position " + position + ": "
                    + Decimals.shown(x));
        }
        if (x.signum() == 0) {
            return BigDecimal.ZERO;
        }
        long wantedDigits = 2L * ROUNDED.getPrecision() + 2;
        long halfShift = Math.floorDiv(wantedDigits - x.precision() + x.scale() + 1, 2);
        long shift = 2 * halfShift - x.scale();
        BigInteger scaled;
        boolean inexact = false;
        if (shift >= 0) {
            scaled = x.unscaledValue().multiply(BigInteger.TEN.pow(Math.toIntExact(shift)));
        } else {
            BigInteger[] cut = x.unscaledValue().divideAndRemainder(BigInteger.TEN.pow(Math.toIntExact(-shift)));
            scaled = cut[0];
            inexact = cut[1].signum() != 0;
        }
        BigInteger root = scaled.sqrt();
        inexact |= !root.multiply(root).equals(scaled);
        BigInteger withSticky = root.multiply(BigInteger.TEN).add(inexact ? BigInteger.ONE : BigInteger.ZERO);
        BigDecimal result = new BigDecimal(withSticky, Math.toIntExact(halfShift + 1)).round(ROUNDED);
        return checked(result, "sqrt", position);
    }

    /** {@code x} rounded HALF_UP (away from zero on a tie) to {@code places}, an integer 0 to the limit. */
    static BigDecimal round(BigDecimal x, BigDecimal places, int position) {
        BigDecimal stripped = Decimals.strip(places);
        if (stripped.scale() > 0 || stripped.compareTo(BigDecimal.ZERO) < 0
                || stripped.compareTo(BigDecimal.valueOf(ExpressionLimits.MAX_ROUND_PLACES)) > 0) {
            throw new TaskFailedException("decimal places of round at position " + position
                    + " must be an integer between 0 and " + ExpressionLimits.MAX_ROUND_PLACES + ", got "
                    + Decimals.shown(places));
        }
        return checked(x.setScale(stripped.intValueExact(), RoundingMode.HALF_UP), "round", position);
    }

    /** How many digits {@code base^k} would have written out, from logarithms; within a digit of the truth. */
    static double estimatedPowerDigits(BigDecimal base, int k) {
        BigDecimal stripped = base.scale() > 0 ? Decimals.strip(base) : base;
        double log10Unscaled = log10(stripped.unscaledValue().abs());
        long scale = stripped.scale();
        if (scale <= 0) {
            return k * (log10Unscaled - scale) + 1;
        }
        return Math.max(k * log10Unscaled + 1, (double) scale * k);
    }

    /** {@code value} if it has at most {@link ExpressionLimits#MAX_DIGITS} digits written out. */
    static BigDecimal checked(BigDecimal value, String operation, int position) {
        if (Decimals.digits(value) > ExpressionLimits.MAX_DIGITS) {
            throw tooLarge(operation, position);
        }
        return value;
    }

    static TaskFailedException tooLarge(String operation, int position) {
        return new TaskFailedException("result of " + operation + " at position " + position
                + " would have more than " + ExpressionLimits.MAX_DIGITS + " digits");
    }

    private static BigInteger integerExponent(BigDecimal exponent, int position) {
        BigDecimal stripped = exponent.scale() > 0 ? Decimals.strip(exponent) : exponent;
        if (stripped.scale() > 0) {
            throw new TaskFailedException("exponent of ^ at position " + position + " must be an integer, got "
                    + Decimals.shown(exponent));
        }
        return stripped.toBigIntegerExact();
    }

    /** floor(log10 |x|) for a non-zero x. */
    private static int magnitude(BigDecimal x) {
        return x.precision() - x.scale() - 1;
    }

    private static double log10(BigInteger positive) {
        int excess = positive.bitLength() - Long.SIZE + 1;
        if (excess <= 0) {
            return Math.log10(positive.longValue());
        }
        return Math.log10(positive.shiftRight(excess).longValue()) + excess * LOG10_OF_2;
    }
}
