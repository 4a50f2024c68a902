package io.scatter.pi;

/** Derives each task's seed from the job's seed and the task's index with the SplitMix64 generator. */
final class TaskSeeds {

    /** SplitMix64's increment: 2^64 divided by the golden ratio, rounded to odd. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private TaskSeeds() {
    }

    /**
     * The seed of task {@code index} of a job seeded with {@code jobSeed}: the {@code index + 1}-th output of a
     * SplitMix64 generator started at {@code jobSeed}. The finaliser is a bijection and the gamma is odd, so no two
     * tasks of a job share a seed, and neighbouring indices give unrelated seeds (no overlapping streams).
     */
    static long of(long jobSeed, int index) {
        return mix64(jobSeed + (index + 1L) * GOLDEN_GAMMA);
    }

    /** The SplitMix64 finaliser (Stafford's variant 13): every input bit affects every output bit. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
