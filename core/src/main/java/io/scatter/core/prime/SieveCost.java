package io.scatter.core.prime;

/** The segmented sieve's cost: one unit per integer, as its work per integer barely grows with the bound. */
final class SieveCost implements CostModel {

    @Override
    public double cost(long from, long to) {
        return (double) to - from + 1;
    }
}
