package io.scatter.core.prime;

import java.math.BigInteger;

/** Counts primes one number at a time with a deterministic Miller-Rabin test, for checking sieves on small windows. */
final class ReferencePrimes {

    /** Bases that decide primality exactly for every n below 3.3 * 10^24. */
    private static final int[] BASES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};

    private ReferencePrimes() {
    }

    static long count(long from, long to) {
        long count = 0;
        for (long n = from; n <= to; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        for (int p : BASES) {
            if (n % p == 0) {
                return n == p;
            }
        }
        long d = n - 1;
        int twos = Long.numberOfTrailingZeros(d);
        d >>= twos;
        BigInteger big = BigInteger.valueOf(n);
        BigInteger minusOne = big.subtract(BigInteger.ONE);
        for (int a : BASES) {
            BigInteger x = BigInteger.valueOf(a).modPow(BigInteger.valueOf(d), big);
            if (x.equals(BigInteger.ONE) || x.equals(minusOne)) {
                continue;
            }
            boolean composite = true;
            for (int r = 1; r < twos && composite; r++) {
                x = x.multiply(x).mod(big);
                composite = !x.equals(minusOne);
            }
            if (composite) {
                return false;
            }
        }
        return true;
    }
}
