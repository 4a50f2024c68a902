package io.scatter.pi;

import io.scatter.core.jobtype.TaskInterruptedException;

import java.util.SplittableRandom;

/** Throws seeded random darts at the unit square and counts those landing in the quarter disc of radius 1. */
final class Darts {

    private Darts() {
    }

    /**
     * How many of {@code samples} points (x, y), drawn in that order from {@code new SplittableRandom(seed)} and
     * uniform in [0, 1)², satisfy x² + y² ≤ 1. The same arguments always give the same count.
     */
    static long inside(long seed, long samples) {
        SplittableRandom random = new SplittableRandom(seed);
        long inside = 0;
        for (long left = samples; left > 0; left--) {
            if ((left & 0xFFFFF) == 0) {
                TaskInterruptedException.check();
            }
            double x = random.nextDouble();
            double y = random.nextDouble();
            inside += x * x + y * y <= 1.0 ? 1 : 0;
        }
        return inside;
    }
}
