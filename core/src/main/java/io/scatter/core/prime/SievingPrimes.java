package io.scatter.core.prime;

/**
 * The primes above those pre-sieved, up to a limit, in ascending order, read from a list known in advance and, past
 * its end, found a chunk at a time, so a range near 10^18 needs no list of all primes up to 10^9.
 */
final class SievingPrimes {

    private static final int CHUNK_ODDS = 1 << 18;

    private final BasePrimes known;
    private final long limit;
    private int[] chunk;
    private int index;
    private int chunkSize;
    private int chunkIndex;
    private long nextChunkStart;

    /** Primes up to limit; known must hold the primes up to the square root of limit. */
    SievingPrimes(BasePrimes known, long limit) {
        this.known = known;
        this.limit = limit;
        this.index = 0;
        this.nextChunkStart = (known.limit() + 1) | 1;
    }

    /** The next prime, or -1 once past the limit. */
    long next() {
        int[] primes = known.primes();
        while (index < primes.length) {
            int p = primes[index++];
            if (p > limit) {
                index = primes.length;
                return -1;
            }
            if (p > WheelPreSieve.LARGEST_PRIME) {
                return p;
            }
        }
        if (chunkIndex == chunkSize && !sieveNextChunk()) {
            return -1;
        }
        return chunk[chunkIndex++];
    }

    /** Finds the primes in the next chunk of odd numbers; false once past the limit. */
    private boolean sieveNextChunk() {
        while (nextChunkStart <= limit) {
            long lo = nextChunkStart;
            long hi = Math.min(limit, lo + 2L * (CHUNK_ODDS - 1));
            nextChunkStart = lo + 2L * CHUNK_ODDS;
            int odds = (int) ((hi - lo) / 2 + 1);
            long[] composite = new long[(odds + 63) >>> 6];
            if (chunk == null) {
                chunk = new int[CHUNK_ODDS];
            }
            for (int p : known.primes()) {
                if ((long) p * p > hi) {
                    break;
                }
                long first = Math.max((long) p * p, (lo + p - 1) / p * p);
                if ((first & 1) == 0) {
                    first += p;
                }
                for (long i = (first - lo) / 2; i < odds; i += p) {
                    composite[(int) (i >>> 6)] |= 1L << i;
                }
            }
            chunkSize = 0;
            chunkIndex = 0;
            for (int i = 0; i < odds; i++) {
                if ((composite[i >>> 6] & (1L << i)) == 0) {
                    chunk[chunkSize++] = (int) (lo + 2L * i);
                }
            }
            if (chunkSize > 0) {
                return true;
            }
        }
        return false;
    }
}
