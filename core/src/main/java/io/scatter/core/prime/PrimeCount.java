package io.scatter.core.prime;

/** The bounds every prime-count kernel accepts, and the integer arithmetic they share. */
public final class PrimeCount {

    /** The largest upper bound a prime count may have: 10^15. */
    public static final long MAX = 1_000_000_000_000_000L;

    private PrimeCount() {
    }

    /** Throws {@link IllegalArgumentException} unless {@code 0 <= from <= to <= MAX}. */
    public static void requireValidRange(long from, long to) {
        if (from < 0 || to > MAX || from > to) {
            throw new IllegalArgumentException(
                    "a prime-count range needs 0 <= from <= to <= " + MAX + ", got [" + from + ", " + to + "]");
        }
    }

    /** The largest {@code r} with {@code r * r <= n}, exact for every non-negative long. */
    public static long isqrt(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("no square root of negative " + n);
        }
        long r = (long) Math.sqrt((double) n);
        while (r > 0 && r > n / r) {
            r--;
        }
        while (r + 1 <= n / (r + 1)) {
            r++;
        }
        return r;
    }
}
