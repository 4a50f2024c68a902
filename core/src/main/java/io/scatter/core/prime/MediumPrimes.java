package io.scatter.core.prime;

import java.util.Arrays;

/** Primes small enough to hit every segment several times, each crossed off a whole wheel cycle at a time. */
final class MediumPrimes {

    private int[] primes = new int[64];
    private int[] cycleStarts = new int[64];
    private byte[] wheelIndexes = new byte[64];
    private byte[] classes = new byte[64];
    private int size;

    /**
     * Adds prime p whose next multiple to cross is p * m, m coprime to 30, at byte {@code position} of the current
     * segment.
     */
    void add(int p, long m, int position) {
        if (size == primes.length) {
            primes = Arrays.copyOf(primes, 2 * size);
            cycleStarts = Arrays.copyOf(cycleStarts, 2 * size);
            wheelIndexes = Arrays.copyOf(wheelIndexes, 2 * size);
            classes = Arrays.copyOf(classes, 2 * size);
        }
        int k = Wheel30.bitOf((int) (m % 30));
        primes[size] = p;
        cycleStarts[size] = position - Wheel30.offsetInCycle(p / 30, Wheel30.classOf(p), k);
        wheelIndexes[size] = (byte) k;
        classes[size] = (byte) Wheel30.classOf(p);
        size++;
    }

    /** Clears the multiples of every prime in bytes [0, length) of segment; positions move on to the next segment. */
    void crossOff(byte[] segment, int length, int stride) {
        crossOffBelow(segment, length);
        rebase(stride);
    }

    /** Clears the multiples of every prime in segment below byte {@code length}, from where the last call stopped. */
    void crossOffBelow(byte[] segment, int length) {
        for (int j = 0; j < size; j++) {
            int p = primes[j];
            int q = p / 30;
            int c = classes[j];
            int base = cycleStarts[j];
            int k = wheelIndexes[j];
            while (k < 8) {
                int at = base + Wheel30.offsetInCycle(q, c, k);
                if (at >= length) {
                    break;
                }
                segment[at] &= (byte) ~Wheel30.mask(c, k);
                k++;
            }
            if (k == 8) {
                base += p;
                k = 0;
                base = crossWholeCycles(segment, length, p, q, c, base);
                while (base + Wheel30.offsetInCycle(q, c, k) < length) {
                    int at = base + Wheel30.offsetInCycle(q, c, k);
                    segment[at] &= (byte) ~Wheel30.mask(c, k);
                    k++;
                }
            }
            cycleStarts[j] = base;
            wheelIndexes[j] = (byte) k;
        }
    }

    /** Makes positions relative to the segment {@code stride} bytes on. */
    void rebase(int stride) {
        for (int j = 0; j < size; j++) {
            cycleStarts[j] -= stride;
        }
    }

    /** Crosses whole cycles of 8 multiples while the last fits; returns the first cycle start that did not fit. */
    private static int crossWholeCycles(byte[] segment, int length, int p, int q, int c, int base) {
        int o0 = Wheel30.offsetInCycle(q, c, 0);
        int o1 = Wheel30.offsetInCycle(q, c, 1);
        int o2 = Wheel30.offsetInCycle(q, c, 2);
        int o3 = Wheel30.offsetInCycle(q, c, 3);
        int o4 = Wheel30.offsetInCycle(q, c, 4);
        int o5 = Wheel30.offsetInCycle(q, c, 5);
        int o6 = Wheel30.offsetInCycle(q, c, 6);
        int o7 = Wheel30.offsetInCycle(q, c, 7);
        byte m0 = (byte) ~Wheel30.mask(c, 0);
        byte m1 = (byte) ~Wheel30.mask(c, 1);
        byte m2 = (byte) ~Wheel30.mask(c, 2);
        byte m3 = (byte) ~Wheel30.mask(c, 3);
        byte m4 = (byte) ~Wheel30.mask(c, 4);
        byte m5 = (byte) ~Wheel30.mask(c, 5);
        byte m6 = (byte) ~Wheel30.mask(c, 6);
        byte m7 = (byte) ~Wheel30.mask(c, 7);
        int i = base;
        for (int limit = length - o7; i < limit; i += p) {
            segment[i + o0] &= m0;
            segment[i + o1] &= m1;
            segment[i + o2] &= m2;
            segment[i + o3] &= m3;
            segment[i + o4] &= m4;
            segment[i + o5] &= m5;
            segment[i + o6] &= m6;
            segment[i + o7] &= m7;
        }
        return i;
    }
}
