package io.scatter.core.expression;

import io.scatter.core.jobtype.InputField;
import io.scatter.core.jobtype.InputSchema;
import io.scatter.core.jobtype.Inputs;
import io.scatter.core.jobtype.InvalidInputException;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobType;
import io.scatter.core.jobtype.InvalidTaskException;
import io.scatter.core.jobtype.TaskFailedException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code expression} job type: evaluates one arithmetic expression exactly, or a batch of them split into
 * contiguous chunks, each expression with its own outcome.
 *
 * <p>Input {@code {"expression": "(1 + 2) * 3 / 4"}} gives {@code {"value": "2.25"}}; input
 * {@code {"expressions": ["1/3", "1/0"]}} gives {@code {"results": [{"index": 0, "expression": "1/3",
 * "status": "COMPLETED", "value": "0.333…"}, {"index": 1, "expression": "1/0", "status": "FAILED",
 * "error": "division by zero at position 2"}]}}. A single expression that cannot be evaluated fails its job with
 * that one-line reason; syntax errors are found by {@link #define} and name the 1-based position.
 *
 * <p>Semantics: values are {@link BigDecimal}s. {@code + - *} are exact; {@code /} is rounded to
 * {@link java.math.MathContext#DECIMAL128} (34 significant digits, HALF_EVEN), as are {@code sqrt} and negative
 * powers; {@code %} is the remainder of truncating division (the sign of the dividend). {@code ^} is
 * right-associative and binds tighter than unary minus ({@code -2^2 = -4}, {@code 2^3^2 = 512}); its exponent must
 * be an integer, {@code b^-n = 1 / b^n} rounded as a division, and {@code 0^0 = 1}. Functions: {@code sqrt(x)}, {@code abs(x)},
 * {@code min(a, ...)}, {@code max(a, ...)}, {@code round(x)} and {@code round(x, n)} (n decimal places, HALF_UP:
 * {@code round(-2.5) = -3}). Results are plain decimals without trailing zeros, zero as {@code 0}. The bounds on
 * length, nesting, literals and result sizes are {@link ExpressionLimits}.
 */
public final class ExpressionJobType implements JobType {

    /** The name clients use in {@code "type"}. */
    public static final String NAME = "expression";

    /** The most expressions in one batch. */
    public static final int MAX_BATCH = 10_000;

    /** The most tasks a batch may be split into. */
    public static final int MAX_TASKS = 1_000;

    /** How many tasks a batch is split into unless options.tasks says otherwise (or it has fewer expressions). */
    public static final int DEFAULT_TASKS = 16;

    private static final String SINGLE = "expression";
    private static final String BATCH = "expressions";
    private static final List<String> INPUT_FIELDS = List.of(SINGLE, BATCH);
    private static final List<String> OPTION_FIELDS = List.of("tasks");
    private static final InputSchema SCHEMA = InputSchema.builder("Evaluate expressions",
                    "Evaluates one arithmetic expression, or a batch of them, exactly in decimal.")
            .input(InputField.string(SINGLE, "Expression",
                            "One arithmetic expression such as (1 + 2) * 3 / 4; give this or Expressions.")
                    .withMaxLength(ExpressionLimits.MAX_LENGTH).withMultiline())
            .input(InputField.stringList(BATCH, "Expressions",
                            "A batch of expressions, one a line, each with its own result; give this or Expression.")
                    .withItems(1, MAX_BATCH).withMaxItemLength(ExpressionLimits.MAX_LENGTH))
            .option(InputField.integer("tasks", "Tasks", "For a batch: how many tasks to split it into, "
                            + "at most the number of expressions, by default up to " + DEFAULT_TASKS
                            + "; a single one takes 1.")
                    .withRange(1, MAX_TASKS))
            .build();

    @Override
    public String name() {
        return NAME;
    }

    /** Expression or expressions (one of them; neither is required alone) and option tasks, computed by default. */
    @Override
    public Optional<InputSchema> inputSchema() {
        return Optional.of(SCHEMA);
    }

    @Override
    public JobDefinition define(Map<String, Object> input, Map<String, Object> options) {
        if (input == null) {
            throw new InvalidInputException("input", "input must be an object with expression (a string) or "
                    + "expressions (an array of strings)");
        }
        Inputs.rejectUnknownKeys(input, "input", INPUT_FIELDS);
        if (input.containsKey(SINGLE) && input.containsKey(BATCH)) {
            throw new InvalidInputException("input.expressions",
                    "input.expressions cannot be given together with input.expression; give one of them");
        }
        if (input.containsKey(BATCH)) {
            return defineBatch(input.get(BATCH), options);
        }
        if (!input.containsKey(SINGLE)) {
            throw new InvalidInputException("input.expression", "input.expression is required: an arithmetic "
                    + "expression such as \"(1 + 2) * 3\" (or input.expressions: an array of them)");
        }
        String expression = expressionText(input.get(SINGLE), "input.expression");
        Inputs.rejectUnknownKeys(options, "options", OPTION_FIELDS);
        if (options != null && options.containsKey("tasks")) {
            OptionalLong tasks = Inputs.asLong(options.get("tasks"));
            if (tasks.isEmpty() || tasks.getAsLong() != 1) {
                throw new InvalidInputException("options.tasks", "options.tasks must be 1 for a single "
                        + "input.expression, got " + Inputs.describe(options.get("tasks")));
            }
        }
        return new JobDefinition(Map.of(SINGLE, expression), Map.of("tasks", 1));
    }

    private static JobDefinition defineBatch(Object value, Map<String, Object> options) {
        if (!(value instanceof List<?> list)) {
            throw new InvalidInputException("input.expressions", "input.expressions must be an array of 1 to "
                    + MAX_BATCH + " expressions, got " + Inputs.describe(value));
        }
        if (list.isEmpty() || list.size() > MAX_BATCH) {
            throw new InvalidInputException("input.expressions", "input.expressions must hold 1 to " + MAX_BATCH
                    + " expressions, got " + list.size());
        }
        List<String> expressions = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            expressions.add(expressionText(list.get(i), "input.expressions[" + i + "]"));
        }
        Inputs.rejectUnknownKeys(options, "options", OPTION_FIELDS);
        int tasks = (int) Inputs.optionalLong(options, "options.tasks", 1, MAX_TASKS,
                Math.min(list.size(), DEFAULT_TASKS));
        if (tasks > list.size()) {
            throw new InvalidInputException("options.tasks", "options.tasks (" + tasks
                    + ") must not be greater than the number of input.expressions (" + list.size() + ")");
        }
        return new JobDefinition(Map.of(BATCH, List.copyOf(expressions)), Map.of("tasks", tasks));
    }

    /** The expression at {@code field} as text (a JSON number as its decimal text), checked by parsing it. */
    private static String expressionText(Object value, String field) {
        String text = asText(value);
        if (text == null) {
            throw new InvalidInputException(field, field + " must be a string or a number, got "
                    + Inputs.describe(value));
        }
        try {
            Expression.parse(text);
        } catch (ExpressionSyntaxException e) {
            throw new InvalidInputException(field, field + ": " + e.getMessage());
        }
        return text;
    }

    private static String asText(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) {
            return value.toString();
        }
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            return new BigDecimal(value.toString()).toString();
        }
        return null;
    }

    /**
     * One task {@code {"expression": s}} for a single expression; for a batch, options.tasks contiguous chunks
     * {@code {"offset": Integer, "expressions": [...]}} whose sizes differ by at most one.
     */
    @Override
    public List<Map<String, Object>> split(JobDefinition job) {
        JobDefinition defined = define(job.input(), job.options());
        if (defined.input().containsKey(SINGLE)) {
            return List.of(Map.of(SINGLE, defined.input().get(SINGLE)));
        }
        List<?> expressions = (List<?>) defined.input().get(BATCH);
        int tasks = (Integer) defined.options().get("tasks");
        List<Map<String, Object>> payloads = new ArrayList<>(tasks);
        for (int task = 0; task < tasks; task++) {
            int from = (int) ((long) task * expressions.size() / tasks);
            int to = (int) ((long) (task + 1) * expressions.size() / tasks);
            payloads.add(Map.of("offset", from, BATCH, List.copyOf(expressions.subList(from, to))));
        }
        return List.copyOf(payloads);
    }

    /**
     * {@code {"value": String}} for a single expression; {@code {"results": [...]}} for a chunk of a batch, each
     * expression COMPLETED with its value or FAILED with its error.
     *
     * @throws TaskFailedException      when a single expression cannot be evaluated
     * @throws InvalidTaskException    when the task is not a payload {@link #split} makes
     */
    @Override
    public Map<String, Object> compute(Map<String, Object> task) {
        if (task != null && task.get(SINGLE) instanceof String expression) {
            try {
                return Map.of("value", Expression.parse(expression).evaluateToText());
            } catch (ExpressionSyntaxException e) {
                throw new TaskFailedException(e.getMessage(), e);
            }
        }
        OptionalLong offset = task == null ? OptionalLong.empty() : Inputs.asLong(task.get("offset"));
        Object expressions = task == null ? null : task.get(BATCH);
        if (!(expressions instanceof List<?> list) || offset.isEmpty() || offset.getAsLong() < 0
                || offset.getAsLong() > Integer.MAX_VALUE - list.size()) {
            throw new InvalidTaskException("an expression task must be an object with expression (a string), or "
                    + "offset (an integer) and expressions (an array of strings)");
        }
        List<Map<String, Object>> results = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String expression)) {
                throw new InvalidTaskException("task.expressions[" + i + "] must be a string, got "
                        + Inputs.describe(list.get(i)));
            }
            results.add(ExpressionResults.outcome((int) offset.getAsLong() + i, expression));
        }
        return Map.of(ExpressionResults.RESULTS, List.copyOf(results));
    }

    @Override
    public Map<String, Object> emptyResult() {
        return Map.of();
    }

    /** See {@link ExpressionResults#combine}: batch results merge by index, a single value is kept once. */
    @Override
    public Map<String, Object> combine(Map<String, Object> a, Map<String, Object> b) {
        return ExpressionResults.combine(a, b);
    }
}
