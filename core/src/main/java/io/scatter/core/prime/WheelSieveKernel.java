package io.scatter.core.prime;

import io.scatter.core.jobtype.TaskInterruptedException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts primes with a segmented sieve of Eratosthenes on the modulo-30 wheel, one byte per 30 numbers, pre-sieved up
 * to 163, medium primes crossed off a wheel cycle at a time and large ones through buckets; the fast default kernel.
 */
public final class WheelSieveKernel implements PrimeKernel {

    /** The system property naming the segment size in bytes, overriding the size chosen from the CPU's caches. */
    public static final String SEGMENT_BYTES_PROPERTY = "scatter.sieve.segmentBytes";

    /** The segment size used when neither the property nor the caches say: 32 KiB, a common level-1 data cache. */
    public static final int FALLBACK_SEGMENT_BYTES = 1 << 15;

    /** The largest bound {@link #countUnchecked} handles: its square root must fit an int. */
    static final long UNCHECKED_MAX = 4_000_000_000_000_000_000L;

    private static final int MIN_SEGMENT_BYTES = 64;
    private static final int SMALL_PRIME_LIMIT = 2048;
    private static final int BLOCK_BYTES = Integer.highestOneBit(
            (int) Math.max(4096, Math.min(1 << 20, CacheSizes.dataCache(1).orElse(FALLBACK_SEGMENT_BYTES))));
    private static final int MAX_SEGMENT_BYTES = 1 << 24;
    private static final int[] UNSIEVED_PRIMES = BasePrimes.upTo(WheelPreSieve.LARGEST_PRIME).primes();
    private static final int LARGEST_CACHED_BASE_PRIME = (int) PrimeCount.isqrt(PrimeCount.MAX);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int segmentShift;
    private final AtomicReference<BasePrimes> basePrimes = new AtomicReference<>(BasePrimes.upTo(1 << 16));

    /** A sieve with segments sized by {@link #SEGMENT_BYTES_PROPERTY} or else to this machine's caches. */
    public WheelSieveKernel() {
        this(defaultSegmentBytes());
    }

    /** A sieve whose segments hold {@code segmentBytes} bytes, 30 numbers each: a power of two from 64 to 2^24. */
    public WheelSieveKernel(int segmentBytes) {
        if (segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > MAX_SEGMENT_BYTES
                || Integer.bitCount(segmentBytes) != 1) {
            throw new IllegalArgumentException("segmentBytes must be a power of two between " + MIN_SEGMENT_BYTES
                    + " and " + MAX_SEGMENT_BYTES + ", got " + segmentBytes);
        }
        this.segmentShift = Integer.numberOfTrailingZeros(segmentBytes);
    }

    /** The segment size for this machine: the property if set, else half the level-2 cache, else the fallback. */
    public static int defaultSegmentBytes() {
        String property = System.getProperty(SEGMENT_BYTES_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Integer.parseInt(property.trim());
        }
        long l2 = CacheSizes.dataCache(2).orElse(2L * FALLBACK_SEGMENT_BYTES);
        long wanted = Math.max(FALLBACK_SEGMENT_BYTES, Math.min(MAX_SEGMENT_BYTES, l2 / 2));
        return Integer.highestOneBit((int) wanted);
    }

    @Override
    public long countPrimes(long from, long to) {
        PrimeCount.requireValidRange(from, to);
        return countUnchecked(from, to);
    }

    /** The number of primes in [from, to] for any {@code 0 <= from <= to <= UNCHECKED_MAX}, past PrimeCount.MAX. */
    long countUnchecked(long from, long to) {
        if (from < 0 || to > UNCHECKED_MAX || from > to) {
            throw new IllegalArgumentException("need 0 <= from <= to <= " + UNCHECKED_MAX + ", got [" + from + ", "
                    + to + "]");
        }
        long count = 0;
        for (int p : UNSIEVED_PRIMES) {
            if (from <= p && p <= to) {
                count++;
            }
        }
        if (from <= 2 && 2 <= to) {
            count++;
        }
        return count + countWheel(from, to);
    }

    @Override
    public String toString() {
        return "WheelSieveKernel(segmentBytes=" + (1 << segmentShift) + ")";
    }

    /**
     * The primes above 163 in [from, to] whose wheel bytes the sieve covers; the smallest sieving primes cross off a
     * level-1-cache-sized block at a time.
     */
    private long countWheel(long from, long to) {
        int stride = 1 << segmentShift;
        long firstByte = from / 30;
        long bytes = to / 30 - firstByte + 1;
        long lastSegment = (bytes - 1) >> segmentShift;
        long sqrt = PrimeCount.isqrt(to);
        SievingPrimes sievingPrimes = new SievingPrimes(basePrimesUpTo(sqrt), sqrt);
        MediumPrimes small = new MediumPrimes();
        MediumPrimes medium = new MediumPrimes();
        BucketSieve buckets = new BucketSieve(segmentShift, lastSegment, sqrt);
        byte[] segment = new byte[stride];
        long pending = sievingPrimes.next();
        long found = 0;
        for (long s = 0; s <= lastSegment; s++) {
            TaskInterruptedException.check();
            long low = firstByte + (s << segmentShift);
            int length = (int) Math.min(stride, bytes - (s << segmentShift));
            long highest = 30 * (low + length) - 1;
            while (pending > 0 && pending * pending <= highest) {
                activate((int) pending, low, s, small, medium, buckets);
                pending = sievingPrimes.next();
            }
            WheelPreSieve.fill(segment, length, low);
            if (low == 0) {
                segment[0] &= (byte) ~1;
            }
            for (int block = Math.min(length, BLOCK_BYTES); ; block = Math.min(length, block + BLOCK_BYTES)) {
                small.crossOffBelow(segment, block);
                if (block == length) {
                    break;
                }
            }
            small.rebase(stride);
            medium.crossOff(segment, length, stride);
            buckets.crossOff(segment, length, s);
            if (s == 0) {
                segment[0] &= (byte) keptFrom(from - 30 * firstByte);
            }
            if (s == lastSegment) {
                segment[length - 1] &= (byte) keptUpTo(to - 30 * (low + length - 1));
            }
            found += countSetBits(segment, length);
        }
        return found;
    }

    /** Starts prime p crossing off at its first multiple coprime to 30 from p squared and from segment s on. */
    private void activate(int p, long low, long s, MediumPrimes small, MediumPrimes medium, BucketSieve buckets) {
        long start = Math.max((long) p * p, 30 * low);
        long m = Wheel30.nextCoprime((start + p - 1) / p);
        long offset = (long) p * m / 30 - low;
        if (p < SMALL_PRIME_LIMIT) {
            small.add(p, m, (int) offset);
        } else if (p < (1 << segmentShift)) {
            medium.add(p, m, (int) offset);
        } else {
            buckets.add(p, m, s, offset);
        }
    }

    /** The bits of a byte standing for numbers at least {@code least} above the byte's base. */
    private static int keptFrom(long least) {
        int bits = 0;
        for (int k = 0; k < 8; k++) {
            if (Wheel30.RESIDUES[k] >= least) {
                bits |= 1 << k;
            }
        }
        return bits;
    }

    /** The bits of a byte standing for numbers at most {@code most} above the byte's base. */
    private static int keptUpTo(long most) {
        int bits = 0;
        for (int k = 0; k < 8; k++) {
            if (Wheel30.RESIDUES[k] <= most) {
                bits |= 1 << k;
            }
        }
        return bits;
    }

    private static long countSetBits(byte[] segment, int length) {
        int padded = (length + 7) & ~7;
        for (int i = length; i < padded; i++) {
            segment[i] = 0;
        }
        long count = 0;
        for (int i = 0; i < padded; i += 8) {
            count += Long.bitCount((long) LONGS.get(segment, i));
        }
        return count;
    }

    /** Base primes up to at least {@code limit} or the largest cached, kept for later calls, growing with ranges. */
    private BasePrimes basePrimesUpTo(long limit) {
        int needed = (int) Math.min(limit, LARGEST_CACHED_BASE_PRIME);
        BasePrimes known = basePrimes.get();
        if (known.limit() >= needed) {
            return known;
        }
        int wanted = (int) Math.min(LARGEST_CACHED_BASE_PRIME, Math.max(needed, 2L * known.limit()));
        BasePrimes grown = BasePrimes.upTo(wanted);
        basePrimes.accumulateAndGet(grown, (kept, offered) -> kept.limit() >= offered.limit() ? kept : offered);
        return grown;
    }
}
