package io.scatter.core.prime;

import java.util.Arrays;

/**
 * Primes large enough to skip most segments, each kept in the bucket of the next segment it hits (after Tomás Oliveira
 * e Silva's bucket sieve), so a segment touches only the primes that cross it.
 */
final class BucketSieve {

    private static final int POSITION_SHIFT = 6;

    private final int segmentShift;
    private final long lastSegment;
    private final int[][] primes;
    private final int[][] states;
    private final int[] sizes;

    /**
     * Buckets for segments of 2^segmentShift bytes numbered 0 to lastSegment, enough of them in a ring for a prime up
     * to largestPrime to step to its next segment.
     */
    BucketSieve(int segmentShift, long lastSegment, long largestPrime) {
        this.segmentShift = segmentShift;
        this.lastSegment = lastSegment;
        long reach = (largestPrime / 5 + 2 >> segmentShift) + 2;
        int ring = Integer.highestOneBit((int) Math.min(reach, lastSegment + 1)) << 1;
        this.primes = new int[ring][];
        this.states = new int[ring][];
        this.sizes = new int[ring];
    }

    /** Adds prime p whose next multiple to cross is p * m, m coprime to 30, at byte {@code offset} past segment s. */
    void add(int p, long m, long segment, long offset) {
        int k = Wheel30.bitOf((int) (m % 30));
        put(p, segment + (offset >> segmentShift), (int) (offset & ((1L << segmentShift) - 1)),
                Wheel30.classOf(p), k);
    }

    /** Clears the multiples of the primes in segment s's bucket from the first {@code length} bytes of segment. */
    void crossOff(byte[] segment, int length, long s) {
        int slot = (int) (s & (sizes.length - 1));
        int[] bucketPrimes = primes[slot];
        int[] bucketStates = states[slot];
        int count = sizes[slot];
        sizes[slot] = 0;
        int stride = 1 << segmentShift;
        for (int j = 0; j < count; j++) {
            int p = bucketPrimes[j];
            int state = bucketStates[j];
            int position = state >>> POSITION_SHIFT;
            int c = (state >>> 3) & 7;
            int k = state & 7;
            int q = p / 30;
            while (position < length) {
                segment[position] &= (byte) ~Wheel30.mask(c, k);
                position += Wheel30.step(q, c, k);
                k = (k + 1) & 7;
            }
            if (position >= stride) {
                put(p, s + (position >>> segmentShift), position & (stride - 1), c, k);
            }
        }
    }

    private void put(int p, long s, int position, int c, int k) {
        if (s > lastSegment) {
            return;
        }
        int slot = (int) (s & (sizes.length - 1));
        int size = sizes[slot];
        if (primes[slot] == null) {
            primes[slot] = new int[256];
            states[slot] = new int[256];
        } else if (size == primes[slot].length) {
            primes[slot] = Arrays.copyOf(primes[slot], 2 * size);
            states[slot] = Arrays.copyOf(states[slot], 2 * size);
        }
        primes[slot][size] = p;
        states[slot][size] = position << POSITION_SHIFT | c << 3 | k;
        sizes[slot] = size + 1;
    }
}
