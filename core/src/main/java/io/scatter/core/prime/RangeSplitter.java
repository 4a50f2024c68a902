package io.scatter.core.prime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Splits a range into contiguous, non-empty sub-ranges of near-equal cost under a {@link CostModel}. */
public final class RangeSplitter {

    private final CostModel costModel;

    public RangeSplitter(CostModel costModel) {
        this.costModel = Objects.requireNonNull(costModel, "costModel");
    }

    /**
     * Splits [from, to] into {@code parts} sub-ranges, or as many as it holds integers if fewer, covering it exactly
     * in ascending order; each takes its fair share of the cost still left, its end found by binary search.
     */
    public List<NumberRange> split(long from, long to, int parts) {
        if (from > to) {
            throw new IllegalArgumentException("a range needs from <= to, got [" + from + ", " + to + "]");
        }
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be at least 1, got " + parts);
        }
        long width = to - from + 1;
        int count = width > 0 && width < parts ? (int) width : parts;
        List<NumberRange> ranges = new ArrayList<>(count);
        long start = from;
        for (int left = count; left > 1; left--) {
            double share = costModel.cost(start, to) / left;
            long end = endOfShare(start, to - (left - 1), share);
            ranges.add(new NumberRange(start, end));
            start = end + 1;
        }
        ranges.add(new NumberRange(start, to));
        return ranges;
    }

    /** The end in [start, latestEnd] whose range from start costs closest to {@code share}. */
    private long endOfShare(long start, long latestEnd, double share) {
        long low = start;
        long high = latestEnd;
        while (low < high) {
            long middle = low + (high - low) / 2;
            if (costModel.cost(start, middle) >= share) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        if (low > start && share - costModel.cost(start, low - 1) < costModel.cost(start, low) - share) {
            return low - 1;
        }
        return low;
    }
}
