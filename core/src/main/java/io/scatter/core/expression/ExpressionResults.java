package io.scatter.core.expression;

import io.scatter.core.jobtype.Inputs;
import io.scatter.core.jobtype.TaskFailedException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/** The results of {@link ExpressionJobType}: one expression's outcome in a batch, and combining partial results. */
final class ExpressionResults {

    static final String RESULTS = "results";
    static final String VALUE = "value";

    private ExpressionResults() {
    }

    /**
     * {@code {"index", "expression", "status": "COMPLETED", "value"}}, or {@code "status": "FAILED"} with
     * {@code "error"} instead of a value when the expression cannot be parsed or evaluated.
     */
    static Map<String, Object> outcome(int index, String expression) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("index", index);
        outcome.put("expression", expression);
        try {
            String value = Expression.parse(expression).evaluateToText();
            outcome.put("status", "COMPLETED");
            outcome.put(VALUE, value);
        } catch (ExpressionSyntaxException | TaskFailedException e) {
            outcome.put("status", "FAILED");
            outcome.put("error", e.getMessage());
        }
        return Collections.unmodifiableMap(outcome);
    }

    /**
     * Combines two partial results: the empty result {@code {}} is the identity; two {@code results} lists merge
     * sorted by index, keeping one entry per index (a task delivered twice computes the same entries); two
     * {@code value}s are the one task of a single expression delivered twice, so either is kept (the smaller text,
     * so that the order does not matter even if they differed).
     *
     * @throws IllegalArgumentException when a result is neither of these, or a single value meets a batch
     */
    static Map<String, Object> combine(Map<String, Object> a, Map<String, Object> b) {
        requireResult(a);
        requireResult(b);
        if (a.isEmpty()) {
            return Map.copyOf(b);
        }
        if (b.isEmpty()) {
            return Map.copyOf(a);
        }
        if (a.containsKey(VALUE) && b.containsKey(VALUE)) {
            String first = (String) a.get(VALUE);
            String second = (String) b.get(VALUE);
            return Map.of(VALUE, first.compareTo(second) <= 0 ? first : second);
        }
        if (a.containsKey(RESULTS) && b.containsKey(RESULTS)) {
            TreeMap<Long, Object> byIndex = new TreeMap<>();
            addEntries(byIndex, (List<?>) a.get(RESULTS));
            addEntries(byIndex, (List<?>) b.get(RESULTS));
            return Map.of(RESULTS, List.copyOf(new ArrayList<>(byIndex.values())));
        }
        throw new IllegalArgumentException("cannot combine the result of a single expression with results of a batch");
    }

    private static void requireResult(Map<String, Object> result) {
        boolean valid = result != null && (result.isEmpty()
                || result.size() == 1 && result.get(VALUE) instanceof String
                || result.size() == 1 && result.get(RESULTS) instanceof List);
        if (!valid) {
            throw new IllegalArgumentException("an expression result must be {}, {\"value\": a string} or "
                    + "{\"results\": an array}, got " + (result == null ? "null" : "keys " + result.keySet()));
        }
    }

    private static void addEntries(TreeMap<Long, Object> byIndex, List<?> entries) {
        for (Object entry : entries) {
            OptionalLong index = entry instanceof Map<?, ?> map ? Inputs.asLong(map.get("index"))
                    : OptionalLong.empty();
            if (index.isEmpty() || index.getAsLong() < 0) {
                throw new IllegalArgumentException("every entry of results needs a non-negative integer index, got "
                        + Inputs.describe(entry));
            }
            byIndex.putIfAbsent(index.getAsLong(), entry);
        }
    }
}
