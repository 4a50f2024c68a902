package io.scatter.core.expression;

import io.scatter.core.jobtype.JobDefinition;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the input and options of an expression job for tests; null values and unknown keys are allowed. */
final class ExpressionJobBuilder {

    private final Map<String, Object> input = new HashMap<>();
    private final Map<String, Object> options = new HashMap<>();

    private ExpressionJobBuilder() {
    }

    static ExpressionJobBuilder single(Object expression) {
        return new ExpressionJobBuilder().input("expression", expression);
    }

    static ExpressionJobBuilder batch(Object... expressions) {
        return batchOf(Arrays.asList(expressions));
    }

    static ExpressionJobBuilder batchOf(List<?> expressions) {
        return new ExpressionJobBuilder().input("expressions", expressions);
    }

    static ExpressionJobBuilder noInput() {
        return new ExpressionJobBuilder();
    }

    ExpressionJobBuilder input(String key, Object value) {
        input.put(key, value);
        return this;
    }

    ExpressionJobBuilder tasks(Object tasks) {
        return option("tasks", tasks);
    }

    ExpressionJobBuilder option(String key, Object value) {
        options.put(key, value);
        return this;
    }

    Map<String, Object> input() {
        return input;
    }

    Map<String, Object> options() {
        return options;
    }

    JobDefinition defineWith(ExpressionJobType type) {
        return type.define(input, options);
    }

    @Override
    public String toString() {
        String text = "input " + input + ", options " + options;
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
