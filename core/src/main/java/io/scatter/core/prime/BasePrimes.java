package io.scatter.core.prime;

import java.util.Arrays;

/** The odd primes up to a limit, found with a plain sieve of Eratosthenes; the seed of a segmented sieve. */
final class BasePrimes {

    private final int limit;
    private final int[] primes;

    private BasePrimes(int limit, int[] primes) {
        this.limit = limit;
        this.primes = primes;
    }

    /** The odd primes {@code p <= limit}, ascending. */
    static BasePrimes upTo(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        int bits = limit / 2 + 1;
        long[] composite = new long[(bits + 63) >>> 6];
        composite[0] |= 1L;
        for (long q = 3; q * q <= limit; q += 2) {
            int qi = (int) (q >>> 1);
            if ((composite[qi >>> 6] & (1L << qi)) == 0) {
                for (long i = (q * q) >>> 1; i < bits; i += q) {
                    composite[(int) (i >>> 6)] |= 1L << i;
                }
            }
        }
        int[] primes = new int[bits - countComposites(composite)];
        int count = 0;
        for (int i = 1; i < bits; i++) {
            if ((composite[i >>> 6] & (1L << i)) == 0) {
                primes[count++] = 2 * i + 1;
            }
        }
        return new BasePrimes(limit, primes);
    }

    private static int countComposites(long[] composite) {
        int count = 0;
        for (long word : composite) {
            count += Long.bitCount(word);
        }
        return count;
    }

    int limit() {
        return limit;
    }

    /** How many of the primes are at most {@code bound}; {@code bound} must not exceed {@link #limit()}. */
    int countUpTo(long bound) {
        int index = Arrays.binarySearch(primes, (int) Math.min(bound, Integer.MAX_VALUE));
        return index >= 0 ? index + 1 : -index - 1;
    }

    /** The primes, ascending; shared, so callers must not modify it. */
    int[] primes() {
        return primes;
    }
}
