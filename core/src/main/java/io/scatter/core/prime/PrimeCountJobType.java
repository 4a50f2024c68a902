package io.scatter.core.prime;

import io.scatter.core.jobtype.Capacity;
import io.scatter.core.jobtype.InputField;
import io.scatter.core.jobtype.InputSchema;
import io.scatter.core.jobtype.Inputs;
import io.scatter.core.jobtype.InvalidInputException;
import io.scatter.core.jobtype.InvalidTaskException;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code prime-count} job type: counts the primes in [from, to] by splitting the range into sub-ranges of
 * near-equal cost, counting each with the chosen algorithm and summing the counts.
 */
public final class PrimeCountJobType implements JobType {

    /** The name clients use in {@code "type"}. */
    public static final String NAME = "prime-count";

    /** The most tasks a client may ask for. */
    public static final int MAX_TASKS = 10_000;

    private static final List<String> INPUT_FIELDS = List.of("from", "to");
    private static final List<String> OPTION_FIELDS = List.of("algorithm", "tasks");
    private static final InputSchema SCHEMA = InputSchema.builder("Count primes",
                    "Counts the prime numbers between two integers, both included.")
            .input(InputField.integer("from", "From", "The first integer of the range, from 0 to 10^15.")
                    .withRange(0, PrimeCount.MAX).required())
            .input(InputField.integer("to", "To", "The last integer of the range, at least From and at most 10^15.")
                    .withRange(0, PrimeCount.MAX).required())
            .option(InputField.choice("algorithm", "Algorithm",
                            "The segmented sieve of Eratosthenes, or trial division (far slower, for comparison).",
                            Algorithm.wireNames())
                    .withDefault(Algorithm.DEFAULT.wireName()))
            .option(InputField.integer("tasks", "Tasks", "How many tasks to split the range into, at most its "
                            + "width; left out, chosen from the algorithm's cost and the live workers.")
                    .withRange(1, MAX_TASKS))
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JobDefinition define(Map<String, Object> input, Map<String, Object> options) {
        return define(input, options, Capacity.UNKNOWN);
    }

    /** From and to required; options algorithm (default sieve) and tasks (default computed). */
    @Override
    public Optional<InputSchema> inputSchema() {
        return Optional.of(SCHEMA);
    }

    /**
     * Without {@code options.tasks}, the algorithm's cost model chooses how many tasks of equal cost the range needs,
     * at least one per slot when the range is worth it, rounded up to whole waves over the {@code capacity}'s slots so
     * that the workers finish together.
     */
    @Override
    public JobDefinition define(Map<String, Object> input, Map<String, Object> options, Capacity capacity) {
        if (input == null) {
            throw new InvalidInputException("input", "input must be an object with from and to");
        }
        Inputs.rejectUnknownKeys(input, "input", INPUT_FIELDS);
        long from = Inputs.requireLong(input, "input.from", 0, PrimeCount.MAX);
        long to = Inputs.requireLong(input, "input.to", 0, PrimeCount.MAX);
        if (from > to) {
            throw new InvalidInputException("input.from",
                    "input.from (" + from + ") must not be greater than input.to (" + to + ")");
        }
        Inputs.rejectUnknownKeys(options, "options", OPTION_FIELDS);
        Algorithm algorithm = Algorithm.fromWireName(Inputs.optionalChoice(
                options, "options.algorithm", Algorithm.wireNames(), Algorithm.DEFAULT.wireName()));
        long width = to - from + 1;
        int byCost = algorithm.defaultTasks(from, to, capacity.slots());
        int fitted = capacity.fill(byCost, (int) Math.min(MAX_TASKS, width));
        int tasks = (int) Inputs.optionalLong(options, "options.tasks", 1, MAX_TASKS, fitted);
        if (tasks > width) {
            throw new InvalidInputException("options.tasks", "options.tasks (" + tasks
                    + ") must not be greater than the number of integers from input.from to input.to (" + width + ")");
        }
        return new JobDefinition(Map.of("from", from, "to", to),
                Map.of("algorithm", algorithm.wireName(), "tasks", tasks));
    }

    /** Task payloads {@code {"from": Long, "to": Long, "algorithm": String}}, ascending and covering the range. */
    @Override
    public List<Map<String, Object>> split(JobDefinition job) {
        JobDefinition defined = define(job.input(), job.options());
        long from = (Long) defined.input().get("from");
        long to = (Long) defined.input().get("to");
        Algorithm algorithm = Algorithm.fromWireName((String) defined.options().get("algorithm"));
        int tasks = (Integer) defined.options().get("tasks");
        List<Map<String, Object>> payloads = new ArrayList<>(tasks);
        for (NumberRange range : algorithm.splitter().split(from, to, tasks)) {
            payloads.add(Map.of("from", range.from(), "to", range.to(), "algorithm", algorithm.wireName()));
        }
        return List.copyOf(payloads);
    }

    /**
     * Counts the primes of one task; {@code {"count": Long}}.
     *
     * @throws InvalidTaskException if from, to or algorithm is missing or malformed
     */
    @Override
    public Map<String, Object> compute(Map<String, Object> task) {
        if (task == null) {
            throw new InvalidTaskException("a prime-count task must be an object with from, to and algorithm");
        }
        long from = taskBound(task, "from");
        long to = taskBound(task, "to");
        if (from > to) {
            throw new InvalidTaskException(
                    "task.from (" + from + ") must not be greater than task.to (" + to + ")");
        }
        Object algorithm = task.get("algorithm");
        if (!(algorithm instanceof String)) {
            throw new InvalidTaskException("task.algorithm must be one of "
                    + String.join(", ", Algorithm.wireNames()) + ", got " + Inputs.describe(algorithm));
        }
        Algorithm kernel;
        try {
            kernel = Algorithm.fromWireName((String) algorithm);
        } catch (IllegalArgumentException e) {
            throw new InvalidTaskException("task.algorithm: " + e.getMessage());
        }
        return Map.of("count", kernel.kernel().countPrimes(from, to));
    }

    /** The width of the task's range, {@code to - from + 1}; 0 for a payload without a valid range. */
    @Override
    public long numbersChecked(Map<String, Object> task) {
        if (task == null) {
            return 0;
        }
        OptionalLong from = Inputs.asLong(task.get("from"));
        OptionalLong to = Inputs.asLong(task.get("to"));
        if (from.isEmpty() || to.isEmpty() || from.getAsLong() < 0 || to.getAsLong() < from.getAsLong()) {
            return 0;
        }
        return to.getAsLong() - from.getAsLong() + 1;
    }

    @Override
    public Map<String, Object> emptyResult() {
        return Map.of("count", 0L);
    }

    @Override
    public Map<String, Object> combine(Map<String, Object> a, Map<String, Object> b) {
        return Map.of("count", Math.addExact(count(a), count(b)));
    }

    private static long taskBound(Map<String, Object> task, String key) {
        Object value = task.get(key);
        OptionalLong bound = Inputs.asLong(value);
        if (bound.isEmpty() || bound.getAsLong() < 0 || bound.getAsLong() > PrimeCount.MAX) {
            throw new InvalidTaskException("task." + key + " must be an integer between 0 and " + PrimeCount.MAX
                    + ", got " + Inputs.describe(value));
        }
        return bound.getAsLong();
    }

    private static long count(Map<String, Object> result) {
        Object value = result == null ? null : result.get("count");
        OptionalLong count = Inputs.asLong(value);
        if (count.isEmpty() || count.getAsLong() < 0) {
            throw new IllegalArgumentException(
                    "a prime-count result needs a non-negative integer count, got " + Inputs.describe(value));
        }
        return count.getAsLong();
    }
}
