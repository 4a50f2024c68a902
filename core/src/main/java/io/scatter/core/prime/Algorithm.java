package io.scatter.core.prime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The ways a prime count can be computed, each with its wire name, kernel and cost model for splitting. */
public enum Algorithm {

    /** Segmented sieve of Eratosthenes on the modulo-30 wheel, the default; cost in integers covered. */
    SIEVE("sieve", new WheelSieveKernel(), new SieveCost(), 50_000_000),

    /** Tests every odd candidate for divisors up to its square root; cost in divisions. */
    TRIAL_DIVISION("trial-division", new TrialDivisionKernel(), new TrialDivisionCost(), 25_000_000);

    /** The algorithm used when a job does not name one. */
    public static final Algorithm DEFAULT = SIEVE;

    /** The most tasks {@link #defaultTasks} chooses; a client may ask for more explicitly. */
    public static final int MAX_DEFAULT_TASKS = 1000;

    private static final List<String> WIRE_NAMES = wireNamesOf(values());

    private final String wireName;
    private final PrimeKernel kernel;
    private final CostModel costModel;
    private final double costPerTask;

    Algorithm(String wireName, PrimeKernel kernel, CostModel costModel, double costPerTask) {
        this.wireName = wireName;
        this.kernel = kernel;
        this.costModel = costModel;
        this.costPerTask = costPerTask;
    }

    /** The name used in JSON, e.g. {@code sieve}. */
    public String wireName() {
        return wireName;
    }

    /** The shared, thread-safe kernel implementing this algorithm. */
    public PrimeKernel kernel() {
        return kernel;
    }

    public CostModel costModel() {
        return costModel;
    }

    /** A splitter giving sub-ranges of near-equal cost for this algorithm. */
    public RangeSplitter splitter() {
        return new RangeSplitter(costModel);
    }

    /**
     * How many tasks [from, to] deserves when the client does not say: one per {@code costPerTask} units of cost (about
     * 5 * 10^7 integers for the sieve), at least 1, at most {@link #MAX_DEFAULT_TASKS} and the range's width.
     */
    public int defaultTasks(long from, long to) {
        double tasks = Math.ceil(costModel.cost(from, to) / costPerTask);
        long capped = (long) Math.max(1, Math.min(MAX_DEFAULT_TASKS, tasks));
        return (int) Math.min(capped, to - from + 1);
    }

    /** The algorithm called {@code name} on the wire. */
    public static Algorithm fromWireName(String name) {
        for (Algorithm algorithm : values()) {
            if (algorithm.wireName.equals(name)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException(
                "unknown algorithm '" + name + "'; known algorithms: " + String.join(", ", WIRE_NAMES));
    }

    /** Every wire name, the default's first. */
    public static List<String> wireNames() {
        return WIRE_NAMES;
    }

    private static List<String> wireNamesOf(Algorithm[] algorithms) {
        List<String> names = new ArrayList<>();
        for (Algorithm algorithm : algorithms) {
            names.add(algorithm.wireName);
        }
        return Collections.unmodifiableList(names);
    }
}
