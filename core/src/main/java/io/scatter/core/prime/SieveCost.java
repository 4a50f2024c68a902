package io.scatter.core.prime;

/**
 * The segmented sieve's cost, in units of one integer sieved near zero: the work per integer grows with the position,
 * as every segment crosses off more sieving primes and the larger ones miss the cache.
 */
final class SieveCost implements CostModel {

    /** The first knot, 10^7, and the density there: one unit per integer. */
    private static final int FIRST_EXPONENT = 7;
    /**
     * The density at 10^7, 10^8, ..., 10^15, relative to 10^7, from the wheel sieve's CPU time per 5 * 10^7 integers
     * at each power of ten; linear in {@code log10 x} between them, so its integral has a closed form.
     */
    private static final double[] DENSITY = {1.00, 1.23, 1.48, 1.73, 2.31, 3.26, 5.30, 9.90, 12.20};
    private static final double LN10 = Math.log(10);
    private static final long SHORT_RANGE_MIN_START = 10_000_000;
    private static final long SHORT_RANGE_RATIO = 64;
    /** The integral of the density from 0 to each knot. */
    private static final double[] CUMULATIVE_AT_KNOT = cumulativeAtKnots();

    /** Short ranges far from zero are priced at their middle's density, as two large cumulatives cancel badly. */
    @Override
    public double cost(long from, long to) {
        long width = to - from + 1;
        if (from >= SHORT_RANGE_MIN_START && width <= from / SHORT_RANGE_RATIO) {
            return width * density(from + (width - 1) / 2.0);
        }
        return cumulative(to + 1.0) - cumulative(from);
    }

    /** The cost of one integer at x. */
    static double density(double x) {
        if (x <= knot(0)) {
            return DENSITY[0];
        }
        return density(segment(x), x);
    }

    private static double cumulative(double x) {
        if (x <= knot(0)) {
            return x * DENSITY[0];
        }
        int segment = segment(x);
        return CUMULATIVE_AT_KNOT[segment] + antiderivative(segment, x) - antiderivative(segment, knot(segment));
    }

    /** With d(x) = a + b log10 x on a segment, x d(x) - b x / ln 10 has derivative d(x). */
    private static double antiderivative(int segment, double x) {
        return x * density(segment, x) - slope(segment) * x / LN10;
    }

    private static double density(int segment, double x) {
        return DENSITY[segment] + slope(segment) * (Math.log10(x) - (FIRST_EXPONENT + segment));
    }

    /** The segment [knot(i), knot(i + 1)) holding x > knot(0); the last one extends past 10^15. */
    private static int segment(double x) {
        int segment = 0;
        while (segment < DENSITY.length - 2 && x >= knot(segment + 1)) {
            segment++;
        }
        return segment;
    }

    private static double slope(int segment) {
        return DENSITY[segment + 1] - DENSITY[segment];
    }

    private static double knot(int index) {
        return Math.pow(10, FIRST_EXPONENT + index);
    }

    private static double[] cumulativeAtKnots() {
        double[] cumulative = new double[DENSITY.length];
        cumulative[0] = knot(0) * DENSITY[0];
        for (int i = 1; i < cumulative.length; i++) {
            cumulative[i] = cumulative[i - 1] + antiderivative(i - 1, knot(i)) - antiderivative(i - 1, knot(i - 1));
        }
        return cumulative;
    }
}
