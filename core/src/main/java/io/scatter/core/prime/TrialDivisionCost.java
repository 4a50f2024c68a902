package io.scatter.core.prime;

/** Trial division's cost in divisions, growing like sqrt(x) / ln x as only primes need every odd divisor tried. */
final class TrialDivisionCost implements CostModel {

    private static final double COMPOSITE_COST = 1;
    private static final double EULER_GAMMA = 0.5772156649015329;
    private static final double SQRT_TERM_AT_THREE = exponentialIntegral(1.5 * Math.log(3));
    private static final long SHORT_RANGE_MIN_START = 1024;
    private static final long SHORT_RANGE_RATIO = 64;

    /** Short ranges far from zero are integrated directly, as the difference of two large cumulatives is imprecise. */
    @Override
    public double cost(long from, long to) {
        long width = to - from + 1;
        if (from >= SHORT_RANGE_MIN_START && width <= from / SHORT_RANGE_RATIO) {
            return simpson(from, to + 1.0);
        }
        return cumulative(to + 1.0) - cumulative(from);
    }

    /**
     * The cost of every integer below x: a prime x costs about sqrt(x) / 2 divisions and primes have density 1 / ln x,
     * while a composite stops at its smallest factor, about one unit; the density {@code 1 + sqrt(x) / (2 ln x)}
     * integrates to {@code x + Ei(1.5 ln x) / 2}, with Ei the exponential integral.
     */
    private static double cumulative(double x) {
        double sqrtTerm = x > 3 ? (exponentialIntegral(1.5 * Math.log(x)) - SQRT_TERM_AT_THREE) / 2 : 0;
        return COMPOSITE_COST * x + sqrtTerm;
    }

    private static double simpson(double a, double b) {
        return (b - a) * (density(a) + 4 * density((a + b) / 2) + density(b)) / 6;
    }

    private static double density(double x) {
        return x > 3 ? COMPOSITE_COST + Math.sqrt(x) / (2 * Math.log(x)) : COMPOSITE_COST;
    }

    /** Ei(z) for z > 0 from its power series, whose terms are all positive so no precision is lost to cancelling. */
    static double exponentialIntegral(double z) {
        double sum = 0;
        double power = 1;
        for (int k = 1; k < 1000; k++) {
            power *= z / k;
            double term = power / k;
            sum += term;
            if (k > z && term < sum * 1e-17) {
                break;
            }
        }
        return EULER_GAMMA + Math.log(z) + sum;
    }
}
