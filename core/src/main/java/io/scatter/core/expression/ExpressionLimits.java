package io.scatter.core.expression;

/** The bounds that keep parsing and evaluating any expression cheap and its stack shallow, whatever is sent. */
public final class ExpressionLimits {

    /** The longest expression, in characters. */
    public static final int MAX_LENGTH = 10_000;

    /** How deeply parentheses, function calls and chains of unary signs may nest inside one another. */
    public static final int MAX_DEPTH = 200;

    /** The most digits a number literal may be written with, before its exponent (leading zeros count). */
    public static final int MAX_LITERAL_DIGITS = 1_000;

    /** The largest magnitude of a number literal's exponent, as in {@code 1e-10000}. */
    public static final int MAX_LITERAL_EXPONENT = 10_000;

    /**
     * The most digits any value (a literal, an intermediate or the final result) may have when written out in
     * full, not counting a lone 0 before the point: {@code 2^64} has 20, {@code 0.001} has 3, {@code 1e5} has 6,
     * and {@code 10^10000} has 10,001, one too many. It bounds both the significant digits and how far from the
     * point a value may reach; for {@code b^-n} it applies to {@code b^n} as well as to the quotient.
     */
    public static final int MAX_DIGITS = 10_000;

    /**
     * The largest magnitude of the exponent of {@code ^}, checked before the size of the result is estimated;
     * bases 0, 1 and -1 take any integer exponent.
     */
    public static final int MAX_POWER_EXPONENT = 1_000_000;

    /** The most decimal places {@code round(x, n)} may keep. */
    public static final int MAX_ROUND_PLACES = 1_000;

    private ExpressionLimits() {
    }
}
