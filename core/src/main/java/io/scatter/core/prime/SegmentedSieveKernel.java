package io.scatter.core.prime;

import io.scatter.core.jobtype.TaskInterruptedException;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts primes with a segmented sieve of Eratosthenes over odd numbers only, one bit per odd number, one
 * cache-sized segment at a time; the fast default kernel.
 */
public final class SegmentedSieveKernel implements PrimeKernel {

    /** 2^20 bits: a 128 KiB segment, fitting a level-2 cache, covering 2^21 consecutive integers. */
    public static final int DEFAULT_SEGMENT_BITS = 1 << 20;

    private static final int MAX_SEGMENT_BITS = 1 << 30;
    private static final int LARGEST_BASE_PRIME = (int) PrimeCount.isqrt(PrimeCount.MAX);

    private final int segmentBits;
    private final PreSieve preSieve = new PreSieve();
    private final AtomicReference<BasePrimes> basePrimes = new AtomicReference<>(BasePrimes.upTo(1 << 16));

    public SegmentedSieveKernel() {
        this(DEFAULT_SEGMENT_BITS);
    }

    /** A sieve whose segments hold {@code segmentBits} odd numbers: a multiple of 64, at most 2^30. */
    public SegmentedSieveKernel(int segmentBits) {
        if (segmentBits < 64 || segmentBits > MAX_SEGMENT_BITS || segmentBits % 64 != 0) {
            throw new IllegalArgumentException(
                    "segmentBits must be a multiple of 64 between 64 and " + MAX_SEGMENT_BITS + ", got " + segmentBits);
        }
        this.segmentBits = segmentBits;
    }

    @Override
    public long countPrimes(long from, long to) {
        PrimeCount.requireValidRange(from, to);
        long count = from <= 2 && 2 <= to ? 1 : 0;
        long lo = Math.max(3, from | 1);
        long hi = (to & 1) == 0 ? to - 1 : to;
        return lo > hi ? count : count + countOddPrimes(lo, hi);
    }

    @Override
    public String toString() {
        return "SegmentedSieveKernel(segmentBits=" + segmentBits + ")";
    }

    /** Primes among the odd numbers lo, lo + 2, ..., hi, where 3 <= lo <= hi are odd; bit i stands for lo + 2i. */
    private long countOddPrimes(long lo, long hi) {
        int sqrtHi = (int) PrimeCount.isqrt(hi);
        BasePrimes base = basePrimesUpTo(sqrtHi);
        int[] primes = base.primes();
        int usable = base.countUpTo(sqrtHi);
        int[] offsets = new int[usable];
        long oddCount = (hi - lo) / 2 + 1;
        long[] words = new long[(int) ((Math.min(segmentBits, oddCount) + 63) >>> 6)];
        long found = PreSieve.primesWithin(lo, hi);
        int firstToCross = Math.min(PreSieve.PRIME_COUNT, usable);
        int active = firstToCross;
        for (long start = 0; start < oddCount; start += segmentBits) {
            TaskInterruptedException.check();
            int length = (int) Math.min(segmentBits, oddCount - start);
            long segmentLow = lo + 2 * start;
            long segmentHigh = segmentLow + 2L * (length - 1);
            while (active < usable && (long) primes[active] * primes[active] <= segmentHigh) {
                offsets[active] = firstOffset(primes[active], segmentLow);
                active++;
            }
            preSieve.fill(words, (length + 63) >>> 6, segmentLow);
            crossOff(words, length, primes, offsets, firstToCross, active);
            found += length - countMarked(words, length);
        }
        return found;
    }

    /**
     * The bit offset, from the segment starting at odd {@code low}, of the first odd multiple of p that is at least
     * low and at least p squared; a prime is activated only once p squared is within its first segment, so this fits
     * an int.
     */
    private static int firstOffset(long p, long low) {
        long multiple = (low + p - 1) / p * p;
        if ((multiple & 1) == 0) {
            multiple += p;
        }
        return (int) ((Math.max(p * p, multiple) - low) / 2);
    }

    /** Strikes the multiples of the active primes from one segment; offsets move on to the next segment. */
    private static void crossOff(long[] words, int length, int[] primes, int[] offsets, int from, int to) {
        for (int k = from; k < to; k++) {
            int offset = offsets[k];
            if (offset < length) {
                offset = strike(words, offset, primes[k], length);
            }
            offsets[k] = offset - length;
        }
    }

    private static int strike(long[] words, int first, int step, int length) {
        int i = first;
        for (; i < length; i += step) {
            words[i >>> 6] |= 1L << i;
        }
        return i;
    }

    private static int countMarked(long[] words, int length) {
        int full = length >>> 6;
        int marked = 0;
        for (int w = 0; w < full; w++) {
            marked += Long.bitCount(words[w]);
        }
        int rest = length & 63;
        if (rest != 0) {
            marked += Long.bitCount(words[full] & ((1L << rest) - 1));
        }
        return marked;
    }

    /** Base primes up to at least {@code limit}, computed once and kept for later calls, doubling as ranges grow. */
    private BasePrimes basePrimesUpTo(int limit) {
        BasePrimes known = basePrimes.get();
        if (known.limit() >= limit) {
            return known;
        }
        int wanted = (int) Math.min(LARGEST_BASE_PRIME, Math.max(limit, 2L * known.limit()));
        BasePrimes grown = BasePrimes.upTo(wanted);
        basePrimes.accumulateAndGet(grown, (kept, offered) -> kept.limit() >= offered.limit() ? kept : offered);
        return grown;
    }
}
