package io.scatter.core.prime;

/** Trial division's cost in divisions, growing like sqrt(x) / ln x as only primes need every 6k ± 1 divisor tried. */
final class TrialDivisionCost implements CostModel {

    /** One unit per 6k ± 1 candidate, a third of all integers; most stop at their first divisor or two. */
    private static final double COMPOSITE_COST = 1.0 / 3;
    /** A prime x is divided by 5, 7, 11, 13, ... up to sqrt(x): two divisors in every six integers. */
    private static final double PRIME_DIVISIONS_PER_ROOT = 1.0 / 3;
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
     * The cost of every integer below x: a prime x costs about sqrt(x) / 3 divisions and primes have density 1 / ln x,
     * while a composite candidate stops at its smallest factor, about one unit for a third of the integers; the density
     * {@code 1/3 + sqrt(x) / (3 ln x)} integrates to {@code x / 3 + Ei(1.5 ln x) / 3}, with Ei the exponential
     * integral.
     */
    private static double cumulative(double x) {
        double sqrtTerm = x > 3 ? (exponentialIntegral(1.5 * Math.log(x)) - SQRT_TERM_AT_THREE) * PRIME_DIVISIONS_PER_ROOT : 0;
        return COMPOSITE_COST * x + sqrtTerm;
    }

    private static double simpson(double a, double b) {
        return (b - a) * (density(a) + 4 * density((a + b) / 2) + density(b)) / 6;
    }

    private static double density(double x) {
        return x > 3 ? COMPOSITE_COST + Math.sqrt(x) * PRIME_DIVISIONS_PER_ROOT / Math.log(x) : COMPOSITE_COST;
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
