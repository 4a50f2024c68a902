package io.scatter.core.prime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The ways a prime count can be computed, each with its wire name, kernel and cost model for splitting. */
public enum Algorithm {

    /**
     * Segmented sieve of Eratosthenes on the modulo-30 wheel, the default; cost in integers sieved near zero. A task
     * of 1.5 * 10^9 units takes about 0.2 s on one core of the development machine, one of 4 * 10^7 about 5 ms.
     */
    SIEVE("sieve", new WheelSieveKernel(), new SieveCost(), 1.5e9, 4e7),

    /** Tests every odd candidate for divisors up to its square root; cost in divisions, 10^8 of them about 0.2 s. */
    TRIAL_DIVISION("trial-division", new TrialDivisionKernel(), new TrialDivisionCost(), 1e8, 2.5e6);

    /** The algorithm used when a job does not name one. */
    public static final Algorithm DEFAULT = SIEVE;

    /** The most tasks {@link #defaultTasks} chooses; a client may ask for more explicitly. */
    public static final int MAX_DEFAULT_TASKS = 1000;

    private static final List<String> WIRE_NAMES = wireNamesOf(values());

    private final String wireName;
    private final PrimeKernel kernel;
    private final CostModel costModel;
    private final double costPerTask;
    private final double minCostPerTask;

    /**
     * @param costPerTask    the cost of a task when the range is large: big enough that a task's round trip through
     *                       the broker and the database (a few milliseconds) is a few per cent of its computing
     * @param minCostPerTask the smallest task worth its round trip, so a job is spread over idle slots only down to it
     */
    Algorithm(String wireName, PrimeKernel kernel, CostModel costModel, double costPerTask, double minCostPerTask) {
        this.wireName = wireName;
        this.kernel = kernel;
        this.costModel = costModel;
        this.costPerTask = costPerTask;
        this.minCostPerTask = minCostPerTask;
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
     * How many tasks [from, to] deserves when the client does not say and the cluster is not known: one per
     * {@code costPerTask} units of cost (about 0.2 s of one core each), at least 1, at most {@link #MAX_DEFAULT_TASKS}
     * and the range's width.
     */
    public int defaultTasks(long from, long to) {
        return defaultTasks(from, to, 0);
    }

    /**
     * As {@link #defaultTasks(long, long)}, but with {@code slots} tasks able to run at once, at least one task per
     * slot as long as each still costs {@code minCostPerTask}: a job too small for one task per slot takes as many
     * slots as it can keep busy for long enough to be worth a task.
     */
    public int defaultTasks(long from, long to, int slots) {
        double cost = costModel.cost(from, to);
        double tasks = Math.ceil(cost / costPerTask);
        if (slots > 0) {
            tasks = Math.max(tasks, Math.min(slots, Math.floor(cost / minCostPerTask)));
        }
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
