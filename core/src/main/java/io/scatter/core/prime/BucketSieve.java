package io.scatter.core.prime;

import java.util.Arrays;

/**
 * Primes large enough to skip most segments, each kept in the bucket of the next segment it hits (after Tomás Oliveira
 * e Silva's bucket sieve), so a segment touches only the primes that cross it; buckets are chains of fixed-size blocks
 * drawn from one pool, so memory follows the number of primes held, not the fullest bucket times the ring.
 */
final class BucketSieve {

    private static final int POSITION_SHIFT = 6;
    /** Entries per block; an entry is a prime and its state, side by side. */
    private static final int BLOCK = 1 << 11;

    private final int segmentShift;
    private final long lastSegment;
    /** Per ring slot: its blocks, the last one being filled. */
    private final int[][][] chains;
    private final int[] chainLengths;
    /** Per ring slot: entries in its last block. */
    private final int[] fills;
    private int[][] pool = new int[16][];
    private int pooled;

    /**
     * Buckets for segments of 2^segmentShift bytes numbered 0 to lastSegment, enough of them in a ring for a prime up
     * to largestPrime to step to its next segment.
     */
    BucketSieve(int segmentShift, long lastSegment, long largestPrime) {
        this.segmentShift = segmentShift;
        this.lastSegment = lastSegment;
        long reach = (largestPrime / 5 + 2 >> segmentShift) + 2;
        int ring = Integer.highestOneBit((int) Math.min(reach, lastSegment + 1)) << 1;
        this.chains = new int[ring][][];
        this.chainLengths = new int[ring];
        this.fills = new int[ring];
    }

    /** Adds prime p whose next multiple to cross is p * m, m coprime to 30, at byte {@code offset} past segment s. */
    void add(int p, long m, long segment, long offset) {
        int k = Wheel30.bitOf((int) (m % 30));
        put(p, segment + (offset >> segmentShift), (int) (offset & ((1L << segmentShift) - 1)),
                Wheel30.classOf(p), k);
    }

    /** Clears the multiples of the primes in segment s's bucket from the first {@code length} bytes of segment. */
    void crossOff(byte[] segment, int length, long s) {
        int slot = (int) (s & (chains.length - 1));
        int[][] chain = chains[slot];
        int blocks = chainLengths[slot];
        int lastFill = fills[slot];
        chainLengths[slot] = 0;
        fills[slot] = 0;
        int stride = 1 << segmentShift;
        for (int b = 0; b < blocks; b++) {
            int[] block = chain[b];
            int end = 2 * (b == blocks - 1 ? lastFill : BLOCK);
            for (int j = 0; j < end; j += 2) {
                int p = block[j];
                int state = block[j + 1];
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
            release(block);
        }
    }

    private void put(int p, long s, int position, int c, int k) {
        if (s > lastSegment) {
            return;
        }
        int slot = (int) (s & (chains.length - 1));
        int fill = fills[slot];
        int length = chainLengths[slot];
        if (length == 0 || fill == BLOCK) {
            append(slot, length);
            length++;
            fill = 0;
        }
        int[] block = chains[slot][length - 1];
        block[2 * fill] = p;
        block[2 * fill + 1] = position << POSITION_SHIFT | c << 3 | k;
        fills[slot] = fill + 1;
    }

    private void append(int slot, int length) {
        int[][] chain = chains[slot];
        if (chain == null) {
            chain = new int[4][];
        } else if (length == chain.length) {
            chain = Arrays.copyOf(chain, 2 * length);
        }
        chain[length] = pooled > 0 ? pool[--pooled] : new int[2 * BLOCK];
        chains[slot] = chain;
        chainLengths[slot] = length + 1;
    }

    private void release(int[] block) {
        if (pooled == pool.length) {
            pool = Arrays.copyOf(pool, 2 * pooled);
        }
        pool[pooled++] = block;
    }
}
