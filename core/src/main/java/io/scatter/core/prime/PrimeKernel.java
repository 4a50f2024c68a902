package io.scatter.core.prime;

/** Counts the primes in a range of integers; implementations are stateless or thread-safe. */
public interface PrimeKernel {

    /**
     * The number of primes {@code p} with {@code from <= p <= to}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= from <= to <= PrimeCount.MAX}
     */
    long countPrimes(long from, long to);
}
