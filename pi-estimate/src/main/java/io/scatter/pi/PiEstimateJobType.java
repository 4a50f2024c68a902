package io.scatter.pi;

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
 * The {@code pi-estimate} job type: estimates π by Monte Carlo, throwing random points at the unit square and
 * counting the share that lands inside the quarter disc x² + y² ≤ 1, whose area is π/4.
 *
 * <p>The method, step by step:
 * <ul>
 *   <li><b>define</b>: input {@code {"samples": N}}, N from 1 to 10<sup>12</sup>; options {@code tasks}, from 1 to
 *       min(N, 10,000), by default ceil(N / 10<sup>7</sup>) capped at 1,000 (it depends on N only, never on how many
 *       workers there are), and {@code seed}, any long, by default {@link #DEFAULT_SEED}.</li>
 *   <li><b>split</b>: {@code tasks} tasks whose sample counts differ by at most one and sum to exactly N; task
 *       {@code i} is {@code {"index": i, "samples": n_i, "seed": s_i}}, s_i being the (i+1)-th output of a SplitMix64
 *       generator seeded with {@code seed}, so the tasks' random streams are independent of each other and the same on
 *       every run.</li>
 *   <li><b>compute</b>: draws n_i points (x, y) from {@code new SplittableRandom(s_i)} and counts those with
 *       x² + y² ≤ 1: {@code {"inside": k, "samples": n_i}}. Pure: a redelivered task gives the same count.</li>
 *   <li><b>combine</b>: sums {@code inside} and {@code samples} (exact long sums, hence associative and commutative)
 *       and adds {@code "estimate"} = 4 · inside / samples, a double, once samples is positive.</li>
 * </ul>
 * The estimate is thus fixed by (samples, tasks, seed) alone; its standard error is about 1.64 / √samples.
 */
public final class PiEstimateJobType implements JobType {

    /** The name clients use in {@code "type"}. */
    public static final String NAME = "pi-estimate";

    /** The most samples a job may ask for: 10<sup>12</sup>. */
    public static final long MAX_SAMPLES = 1_000_000_000_000L;

    /** The most tasks a client may ask for. */
    public static final int MAX_TASKS = 10_000;

    /** The default split gives each task about this many samples: tens of milliseconds of work on one core. */
    public static final long SAMPLES_PER_DEFAULT_TASK = 10_000_000L;

    /** The most tasks the default split makes. */
    public static final int MAX_DEFAULT_TASKS = 1_000;

    /** The seed when the options name none: the first fifteen digits of π. */
    public static final long DEFAULT_SEED = 314_159_265_358_979L;

    private static final List<String> INPUT_FIELDS = List.of("samples");
    private static final List<String> OPTION_FIELDS = List.of("seed", "tasks");
    private static final InputSchema SCHEMA = InputSchema.builder("Estimate pi",
                    "Estimates pi by throwing random points at the unit square and counting those inside the circle.")
            .input(InputField.integer("samples", "Samples", "How many random points to throw, from 1 to 10^12.")
                    .withRange(1, MAX_SAMPLES).required())
            .option(InputField.integer("tasks", "Tasks", "How many tasks to split the samples into, at most Samples; "
                            + "left out, one per 10^7 samples, at most 1,000.")
                    .withRange(1, MAX_TASKS))
            .option(InputField.integer("seed", "Seed", "Any 64-bit integer; the same samples, tasks and seed "
                            + "give the same estimate.")
                    .withDefault(DEFAULT_SEED))
            .build();

    @Override
    public String name() {
        return NAME;
    }

    /** Samples required; options tasks (default computed) and seed (default {@link #DEFAULT_SEED}). */
    @Override
    public Optional<InputSchema> inputSchema() {
        return Optional.of(SCHEMA);
    }

    /** Input {@code {"samples": Long}}; options {@code {"tasks": Integer, "seed": Long}} with defaults filled in. */
    @Override
    public JobDefinition define(Map<String, Object> input, Map<String, Object> options) {
        if (input == null) {
            throw new InvalidInputException("input", "input must be an object with samples");
        }
        Inputs.rejectUnknownKeys(input, "input", INPUT_FIELDS);
        long samples = Inputs.requireLong(input, "input.samples", 1, MAX_SAMPLES);
        Inputs.rejectUnknownKeys(options, "options", OPTION_FIELDS);
        int tasks = (int) Inputs.optionalLong(options, "options.tasks", 1, MAX_TASKS, defaultTasks(samples));
        if (tasks > samples) {
            throw new InvalidInputException("options.tasks", "options.tasks (" + tasks
                    + ") must not be greater than input.samples (" + samples + ")");
        }
        long seed = Inputs.optionalLong(options, "options.seed", Long.MIN_VALUE, Long.MAX_VALUE, DEFAULT_SEED);
        return new JobDefinition(Map.of("samples", samples), Map.of("tasks", tasks, "seed", seed));
    }

    /** The default number of tasks for {@code samples}: ceil(samples / 10<sup>7</sup>), from 1 to 1,000. */
    static int defaultTasks(long samples) {
        long tasks = (samples + SAMPLES_PER_DEFAULT_TASK - 1) / SAMPLES_PER_DEFAULT_TASK;
        return (int) Math.max(1, Math.min(MAX_DEFAULT_TASKS, tasks));
    }

    /** Task payloads {@code {"index": Integer, "samples": Long, "seed": Long}}, in index order. */
    @Override
    public List<Map<String, Object>> split(JobDefinition job) {
        JobDefinition defined = define(job.input(), job.options());
        long samples = (Long) defined.input().get("samples");
        int tasks = (Integer) defined.options().get("tasks");
        long seed = (Long) defined.options().get("seed");
        long share = samples / tasks;
        long larger = samples % tasks;
        List<Map<String, Object>> payloads = new ArrayList<>(tasks);
        for (int index = 0; index < tasks; index++) {
            long taskSamples = share + (index < larger ? 1 : 0);
            payloads.add(Map.of("index", index, "samples", taskSamples, "seed", TaskSeeds.of(seed, index)));
        }
        return List.copyOf(payloads);
    }

    /**
     * Throws the task's darts: {@code {"inside": Long, "samples": Long}}.
     *
     * @throws InvalidTaskException if samples or seed is missing or malformed (a worker dead-letters the task)
     */
    @Override
    public Map<String, Object> compute(Map<String, Object> task) {
        if (task == null) {
            throw new InvalidTaskException("a pi-estimate task must be an object with index, samples and seed");
        }
        long samples = taskLong(task, "samples", 1, MAX_SAMPLES);
        long seed = taskLong(task, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        return Map.of("inside", Darts.inside(seed, samples), "samples", samples);
    }

    @Override
    public Map<String, Object> emptyResult() {
        return Map.of("inside", 0L, "samples", 0L);
    }

    /** Sums inside and samples; adds the estimate 4 · inside / samples when samples is positive. */
    @Override
    public Map<String, Object> combine(Map<String, Object> a, Map<String, Object> b) {
        long[] first = counts(a);
        long[] second = counts(b);
        long inside = Math.addExact(first[0], second[0]);
        long samples = Math.addExact(first[1], second[1]);
        if (samples == 0) {
            return emptyResult();
        }
        return Map.of("inside", inside, "samples", samples, "estimate", 4.0 * inside / samples);
    }

    private static long taskLong(Map<String, Object> task, String key, long min, long max) {
        Object value = task.get(key);
        OptionalLong parsed = Inputs.asLong(value);
        if (parsed.isEmpty() || parsed.getAsLong() < min || parsed.getAsLong() > max) {
            throw new InvalidTaskException("task." + key + " must be an integer between " + min + " and " + max
                    + ", got " + Inputs.describe(value));
        }
        return parsed.getAsLong();
    }

    /** {inside, samples} of a result, checked: 0 ≤ inside ≤ samples. */
    private static long[] counts(Map<String, Object> result) {
        Object insideValue = result == null ? null : result.get("inside");
        Object samplesValue = result == null ? null : result.get("samples");
        OptionalLong inside = Inputs.asLong(insideValue);
        OptionalLong samples = Inputs.asLong(samplesValue);
        if (inside.isEmpty() || samples.isEmpty() || inside.getAsLong() < 0
                || inside.getAsLong() > samples.getAsLong()) {
            throw new IllegalArgumentException("a pi-estimate result needs integers 0 <= inside <= samples, got inside "
                    + Inputs.describe(insideValue) + " and samples " + Inputs.describe(samplesValue));
        }
        return new long[]{inside.getAsLong(), samples.getAsLong()};
    }
}
