package io.scatter.core.prime;

import io.scatter.core.jobtype.TaskInterruptedException;

/** Counts primes by trial division over the 6k ± 1 wheel: candidates and divisors are 2, 3, then 6k - 1 and 6k + 1. */
public final class TrialDivisionKernel implements PrimeKernel {

    /** Looks for an interrupt once every 2^13 wheel turns, that is every 2^14 candidates. */
    private static final long INTERRUPT_CHECK_MASK = (1L << 13) - 1;

    @Override
    public long countPrimes(long from, long to) {
        PrimeCount.requireValidRange(from, to);
        long count = 0;
        if (from <= 2 && 2 <= to) {
            count++;
        }
        if (from <= 3 && 3 <= to) {
            count++;
        }
        long lo = Math.max(from, 5);
        for (long k = (lo + 1) / 6; 6 * k - 1 <= to; k++) {
            if ((k & INTERRUPT_CHECK_MASK) == 0) {
                TaskInterruptedException.check();
            }
            long below = 6 * k - 1;
            long above = below + 2;
            if (below >= lo && isWheelPrime(below)) {
                count++;
            }
            if (above >= lo && above <= to && isWheelPrime(above)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return "TrialDivisionKernel";
    }

    /** Whether {@code n >= 5}, coprime to 6, is prime: tries the divisors 6k ± 1 up to its square root. */
    static boolean isWheelPrime(long n) {
        if (n <= Integer.MAX_VALUE) {
            return isWheelPrime((int) n);
        }
        long limit = PrimeCount.isqrt(n);
        for (long d = 5; d <= limit; d += 6) {
            if (n % d == 0 || n % (d + 2) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The same test in int arithmetic, several times faster; the double square root is exact below 2^52. */
    private static boolean isWheelPrime(int n) {
        int limit = (int) Math.sqrt(n);
        for (int d = 5; d <= limit; d += 6) {
            if (n % d == 0 || n % (d + 2) == 0) {
                return false;
            }
        }
        return true;
    }
}
