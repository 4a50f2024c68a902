package io.scatter.core.prime;

/** Estimates how much work counting the primes of a range takes with one algorithm, so jobs split evenly. */
public interface CostModel {

    /**
     * The estimated cost of the range [from, to] (0 <= from <= to), in the model's own unit: positive, growing with
     * {@code to}, and close to additive over adjacent ranges.
     */
    double cost(long from, long to);
}
