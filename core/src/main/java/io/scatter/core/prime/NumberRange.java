package io.scatter.core.prime;

/** A non-empty range of integers, both bounds inclusive. */
public record NumberRange(long from, long to) {

    public NumberRange {
        if (from > to) {
            throw new IllegalArgumentException("a range needs from <= to, got [" + from + ", " + to + "]");
        }
    }

    /** How many integers the range holds. */
    public long width() {
        return to - from + 1;
    }
}
