package io.scatter.core.prime;

import io.scatter.core.jobtype.TaskInterruptedException;

/** Counts primes the classic way, testing each candidate for odd divisors up to its square root. */
public final class TrialDivisionKernel implements PrimeKernel {

    /** Looks for an interrupt once every 2^13 odd candidates. */
    private static final long INTERRUPT_CHECK_MASK = (1L << 14) - 1;

    @Override
    public long countPrimes(long from, long to) {
        PrimeCount.requireValidRange(from, to);
        long count = from <= 2 && 2 <= to ? 1 : 0;
        long first = Math.max(3, from | 1);
        for (long n = first; n <= to; n += 2) {
            if ((n & INTERRUPT_CHECK_MASK) == 1) {
                TaskInterruptedException.check();
            }
            if (isOddPrime(n)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return "TrialDivisionKernel";
    }

    /** Whether odd {@code n >= 3} is prime; int arithmetic when it fits, as it divides several times faster. */
    static boolean isOddPrime(long n) {
        long limit = PrimeCount.isqrt(n);
        if (n <= Integer.MAX_VALUE) {
            int m = (int) n;
            for (int d = 3; d <= limit; d += 2) {
                if (m % d == 0) {
                    return false;
                }
            }
            return true;
        }
        for (long d = 3; d <= limit; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}
