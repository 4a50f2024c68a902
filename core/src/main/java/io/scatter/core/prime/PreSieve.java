package io.scatter.core.prime;

/** The repeating pattern of odd multiples of the smallest odd primes, copied into sieve segments to start them. */
final class PreSieve {

    /** How many primes the pattern strikes out: the first odd ones, 3 to 13. */
    static final int PRIME_COUNT = 5;

    private static final int[] PRIMES = {3, 5, 7, 11, 13};

    private static final int PERIOD = 3 * 5 * 7 * 11 * 13;

    /** Bit t stands for the odd number 2t + 1; a period and a word more, so any 64-bit window can be read. */
    private final long[] pattern = new long[PERIOD / 64 + 2];

    PreSieve() {
        for (int p : PRIMES) {
            for (int t = (p - 1) / 2; t < pattern.length * 64; t += p) {
                pattern[t >>> 6] |= 1L << t;
            }
        }
    }

    /** Fills {@code words} with the pattern for bits standing for {@code first}, first + 2, ...; first is odd. */
    void fill(long[] words, int wordCount, long first) {
        int position = (int) (((first - 1) / 2) % PERIOD);
        for (int w = 0; w < wordCount; w++) {
            int index = position >>> 6;
            int shift = position & 63;
            words[w] = shift == 0
                    ? pattern[index]
                    : (pattern[index] >>> shift) | (pattern[index + 1] << (64 - shift));
            position += 64;
            if (position >= PERIOD) {
                position -= PERIOD;
            }
        }
    }

    /** How many of the pre-sieved primes lie in [lo, hi]; the pattern marks them although they are prime. */
    static int primesWithin(long lo, long hi) {
        int count = 0;
        for (int p : PRIMES) {
            if (lo <= p && p <= hi) {
                count++;
            }
        }
        return count;
    }
}
