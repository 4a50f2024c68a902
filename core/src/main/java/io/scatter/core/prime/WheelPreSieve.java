package io.scatter.core.prime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The repeating wheel patterns of numbers coprime to the primes 7 to 163, copied and ANDed into segments to start
 * them, so that no segment crosses off the smallest primes one by one.
 */
final class WheelPreSieve {

    /** The largest pre-sieved prime; the patterns clear the pre-sieved primes too, so counts add them back. */
    static final int LARGEST_PRIME = 163;

    private static final int[][] GROUPS = {
            {7, 11, 13, 17, 19}, {23, 29, 31}, {37, 41, 43}, {47, 53, 59}, {61, 67, 71}, {73, 79, 83}, {89, 97, 101},
            {103, 107}, {109, 113}, {127, 131}, {137, 139}, {149, 151}, {157, 163}};

    /** Pre-sieving goes this many bytes at a time, so that every pattern is ANDed into bytes in the level-1 cache. */
    private static final int CHUNK_BYTES = 8192;

    private static final byte[][] PATTERNS = patterns();

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private WheelPreSieve() {
    }

    /** Fills bytes [0, length) of segment with the patterns for the bytes from absolute byte {@code first} on. */
    static void fill(byte[] segment, int length, long first) {
        for (int at = 0; at < length; at += CHUNK_BYTES) {
            int end = Math.min(length, at + CHUNK_BYTES);
            copy(segment, at, end, first + at, PATTERNS[0]);
            for (int g = 1; g < PATTERNS.length; g++) {
                and(segment, at, end, first + at, PATTERNS[g]);
            }
        }
    }

    private static void copy(byte[] segment, int at, int end, long first, byte[] pattern) {
        int position = (int) (first % pattern.length);
        int done = at;
        while (done < end) {
            int chunk = Math.min(end - done, pattern.length - position);
            System.arraycopy(pattern, position, segment, done, chunk);
            done += chunk;
            position = 0;
        }
    }

    private static void and(byte[] segment, int at, int end, long first, byte[] pattern) {
        int position = (int) (first % pattern.length);
        int done = at;
        while (done < end) {
            int chunk = Math.min(end - done, pattern.length - position);
            andRange(segment, done, pattern, position, chunk);
            done += chunk;
            position = 0;
        }
    }

    private static void andRange(byte[] segment, int at, byte[] pattern, int from, int count) {
        int i = 0;
        for (int whole = count - 7; i < whole; i += 8) {
            LONGS.set(segment, at + i, (long) LONGS.get(segment, at + i) & (long) LONGS.get(pattern, from + i));
        }
        for (; i < count; i++) {
            segment[at + i] &= pattern[from + i];
        }
    }

    private static byte[][] patterns() {
        byte[][] patterns = new byte[GROUPS.length][];
        for (int g = 0; g < GROUPS.length; g++) {
            patterns[g] = pattern(GROUPS[g]);
        }
        return patterns;
    }

    /** One period of the bytes whose bits stand for numbers coprime to every prime of the group. */
    private static byte[] pattern(int[] primes) {
        int period = 1;
        for (int p : primes) {
            period *= p;
        }
        byte[] pattern = new byte[period];
        java.util.Arrays.fill(pattern, (byte) -1);
        for (int p : primes) {
            for (int k = 0; k < 8; k++) {
                for (long n = p * (long) Wheel30.RESIDUES[k]; n < 30L * period; n += 30L * p) {
                    pattern[(int) (n / 30)] &= (byte) ~(1 << Wheel30.bitOf((int) (n % 30)));
                }
            }
        }
        return pattern;
    }
}
