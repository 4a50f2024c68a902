package io.scatter.core.prime;

/** The modulo-30 wheel: byte b of a sieve stands for 30b + 1, 7, 11, 13, 17, 19, 23 and 29, bit k for residue k. */
final class Wheel30 {

    /** The residues coprime to 30, one per bit, and 31 closing the cycle. */
    static final int[] RESIDUES = {1, 7, 11, 13, 17, 19, 23, 29, 31};

    /** The gap from residue k to residue k + 1. */
    static final int[] GAPS = {6, 4, 2, 4, 2, 4, 6, 2};

    /** The bit of each residue modulo 30, or -1 for those sharing a factor with 30. */
    private static final int[] BIT_OF = new int[30];

    /** How far n modulo 30 is below the next residue coprime to 30. */
    private static final int[] TO_NEXT = new int[30];

    /** For prime class c and wheel index k (at index 8c + k), the bit that multiple p * m clears. */
    private static final byte[] MASKS = new byte[64];

    /** For prime class c and wheel index k, the part of the byte step from m to the next m not scaled by p / 30. */
    private static final int[] STEP_REMAINDERS = new int[64];

    /** For prime class c and wheel index k, the part of offsetInCycle not scaled by p / 30. */
    private static final int[] CYCLE_REMAINDERS = new int[64];

    static {
        java.util.Arrays.fill(BIT_OF, -1);
        for (int k = 0; k < 8; k++) {
            BIT_OF[RESIDUES[k]] = k;
        }
        for (int r = 0; r < 30; r++) {
            int next = r;
            while (next < 30 && BIT_OF[next] < 0) {
                next++;
            }
            TO_NEXT[r] = next - r;
        }
        for (int c = 0; c < 8; c++) {
            for (int k = 0; k < 8; k++) {
                int rc = RESIDUES[c];
                MASKS[8 * c + k] = (byte) (1 << BIT_OF[rc * RESIDUES[k] % 30]);
                STEP_REMAINDERS[8 * c + k] = rc * RESIDUES[k + 1] / 30 - rc * RESIDUES[k] / 30;
                CYCLE_REMAINDERS[8 * c + k] = rc * RESIDUES[k] / 30;
            }
        }
    }

    private Wheel30() {
    }

    /** The bit standing for residue r modulo 30, or -1 if r shares a factor with 30. */
    static int bitOf(int residue) {
        return BIT_OF[residue];
    }

    /** The class of a prime p > 5: the bit of p modulo 30. */
    static int classOf(long p) {
        return BIT_OF[(int) (p % 30)];
    }

    /** The smallest m' >= m coprime to 30. */
    static long nextCoprime(long m) {
        return m + TO_NEXT[(int) (m % 30)];
    }

    /** The bit that multiple p * m of a prime of class c clears, where m has wheel index k. */
    static byte mask(int c, int k) {
        return MASKS[8 * c + k];
    }

    /** How many bytes apart p * m and p * m' are, m' the next coprime after m of wheel index k; q is p / 30. */
    static int step(int q, int c, int k) {
        return q * GAPS[k] + STEP_REMAINDERS[8 * c + k];
    }

    /** Where multiple p * (30t + residue k) lies in bytes, relative to byte p * t; q is p / 30. */
    static int offsetInCycle(int q, int c, int k) {
        return q * RESIDUES[k] + CYCLE_REMAINDERS[8 * c + k];
    }
}
