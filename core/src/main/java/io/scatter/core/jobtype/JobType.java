package io.scatter.core.jobtype;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kind of job Scatter can split, compute and combine: the plug-in point of the platform.
 *
 * <p>Values cross the wire as JSON objects, so they are plain {@code Map<String, Object>} trees of
 * {@code String}, {@code Number}, {@code Boolean}, {@code List} and {@code Map}. Implementations are stateless and
 * found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.scatter.core.jobtype.JobType}).
 *
 * <p>A minimal type that sums the integers of a range:
 * <pre>{@code
 * public final class RangeSum implements JobType {
 *     public String name() { return "range-sum"; }
 *
 *     public JobDefinition define(Map<String, Object> input, Map<String, Object> options) {
 *         long from = Inputs.requireLong(input, "input.from", 0, 1_000_000);
 *         long to = Inputs.requireLong(input, "input.to", from, 1_000_000);
 *         return new JobDefinition(Map.of("from", from, "to", to), Map.of());
 *     }
 *
 *     public List<Map<String, Object>> split(JobDefinition job) {
 *         return List.of(job.input());                       // one task is enough here
 *     }
 *
 *     public Map<String, Object> compute(Map<String, Object> task) {
 *         long from = ((Number) task.get("from")).longValue(), to = ((Number) task.get("to")).longValue();
 *         return Map.of("sum", (from + to) * (to - from + 1) / 2);
 *     }
 *
 *     public Optional<InputSchema> inputSchema() {
 *         return Optional.of(InputSchema.builder("Sum a range", "Adds up the integers from one bound to another.")
 *                 .input(InputField.integer("from", "From", "The first integer.").withRange(0, 1_000_000).required())
 *                 .input(InputField.integer("to", "To", "The last integer.").withRange(0, 1_000_000).required())
 *                 .build());
 *     }
 *
 *     public Map<String, Object> emptyResult() { return Map.of("sum", 0L); }
 *
 *     public Map<String, Object> combine(Map<String, Object> a, Map<String, Object> b) {
 *         return Map.of("sum", ((Number) a.get("sum")).longValue() + ((Number) b.get("sum")).longValue());
 *     }
 * }
 * }</pre>
 */
public interface JobType {

    /** The {@link #taskDeadline()} of a type that does not choose its own. */
    Duration DEFAULT_TASK_DEADLINE = Duration.ofMinutes(10);

    /** The name clients use in {@code "type"}, e.g. {@code prime-count}; lower-case words joined by hyphens. */
    String name();

    /**
     * Validates and normalises a job's input and options, filling in defaults.
     *
     * @throws InvalidInputException naming the offending field (e.g. {@code input.from}) when anything is wrong
     */
    JobDefinition define(Map<String, Object> input, Map<String, Object> options);

    /**
     * What {@link #define} accepts, for a client to render a submit form from (the API serves it at
     * {@code GET /api/v1/job-types}): the fields of {@code input} and {@code options} with their kinds, bounds and
     * defaults. It must tell the truth: every field it lists is accepted within its bounds, every required one is
     * needed, every default is what {@code define} fills in. Empty (the default) for a type that does not describe
     * itself.
     *
     * <pre>{@code
     * public Optional<InputSchema> inputSchema() {
     *     return Optional.of(InputSchema.builder("Estimate pi", "Estimates pi by throwing random points at a square.")
     *             .input(InputField.integer("samples", "Samples", "How many points to throw.")
     *                     .withRange(1, MAX_SAMPLES).required())
     *             .option(InputField.integer("seed", "Seed", "The same seed gives the same estimate.")
     *                     .withDefault(DEFAULT_SEED))
     *             .build());
     * }
     * }</pre>
     */
    default Optional<InputSchema> inputSchema() {
        return Optional.empty();
    }

    /**
     * As {@link #define(Map, Map)}, knowing the cluster's {@link Capacity} right now, so that a type that chooses its
     * number of tasks can make it fit the workers (a client's explicit choice still wins). Types that do not care
     * need not override it.
     */
    default JobDefinition define(Map<String, Object> input, Map<String, Object> options, Capacity capacity) {
        return define(input, options);
    }

    /** Splits a defined job into one or more task payloads of near-equal cost; never empty. */
    List<Map<String, Object>> split(JobDefinition job);

    /**
     * Computes one task: pure and deterministic, so a redelivered task gives the same result.
     *
     * <p>How a failure is treated depends on what is thrown: a {@link TaskFailedException} fails the task and its job
     * at once (running it again would fail the same way); an {@link InvalidTaskException} (a payload {@link #split}
     * never makes) dead-letters the task at once; anything else counts as a failure a retry may cure, and the
     * task is retried with backoff — on any worker — until its attempts run out, then dead-lettered. A computation
     * longer than a fraction of a second should call {@link TaskInterruptedException#check()} now and then, so that it
     * stops soon after its job is cancelled or it outruns its {@link #taskDeadline()}.
     */
    Map<String, Object> compute(Map<String, Object> task);

    /**
     * How long one task of this type may compute before a worker abandons it and it is retried (elsewhere, with
     * backoff, counted as an attempt): far above a task's normal duration on the slowest worker. Ten minutes unless
     * a type says otherwise.
     */
    default Duration taskDeadline() {
        return DEFAULT_TASK_DEADLINE;
    }

    /**
     * How many numbers {@code task} examines, for the "numbers checked per second" metric of the API and the workers;
     * 0 (the default) for a type whose tasks do not check numbers one by one. Never throws: a payload it cannot read
     * counts 0.
     *
     * <pre>{@code
     * public long numbersChecked(Map<String, Object> task) {
     *     return ((Number) task.get("to")).longValue() - ((Number) task.get("from")).longValue() + 1;
     * }
     * }</pre>
     */
    default long numbersChecked(Map<String, Object> task) {
        return 0;
    }

    /** The identity of {@link #combine}: the result of a job with no task done. */
    Map<String, Object> emptyResult();

    /** Combines two partial results; associative and commutative, so the order results arrive in does not matter. */
    Map<String, Object> combine(Map<String, Object> a, Map<String, Object> b);
}
