package io.scatter.core.prime;

/** The repeating wheel pattern of numbers coprime to 7, 11, 13, 17 and 19, copied into segments to start them. */
final class WheelPreSieve {

    /** The pre-sieved primes; the pattern clears them too, so a count adds those in its range back. */
    static final int[] PRIMES = {7, 11, 13, 17, 19};

    private static final int PERIOD = 7 * 11 * 13 * 17 * 19;

    private static final byte[] PATTERN = pattern();

    private WheelPreSieve() {
    }

    /** Fills bytes [0, length) of segment with the pattern for the bytes starting at absolute byte {@code first}. */
    static void fill(byte[] segment, int length, long first) {
        int position = (int) (first % PERIOD);
        int filled = 0;
        while (filled < length) {
            int chunk = Math.min(length - filled, PERIOD - position);
            System.arraycopy(PATTERN, position, segment, filled, chunk);
            filled += chunk;
            position = 0;
        }
    }

    private static byte[] pattern() {
        byte[] pattern = new byte[PERIOD];
        for (int b = 0; b < PERIOD; b++) {
            int bits = 0;
            for (int k = 0; k < 8; k++) {
                long n = 30L * b + Wheel30.RESIDUES[k];
                if (n % 7 != 0 && n % 11 != 0 && n % 13 != 0 && n % 17 != 0 && n % 19 != 0) {
                    bits |= 1 << k;
                }
            }
            pattern[b] = (byte) bits;
        }
        return pattern;
    }
}
