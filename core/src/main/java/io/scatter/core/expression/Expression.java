package io.scatter.core.expression;

import io.scatter.core.jobtype.TaskFailedException;

import java.math.BigDecimal;

/** A parsed arithmetic expression within {@link ExpressionLimits}, ready to be evaluated to an exact decimal. */
final class Expression {

    private final Node root;

    private Expression(Node root) {
        this.root = root;
    }

    /**
     * Parses {@code text}, checking its length, syntax, nesting, literals, function names and arities.
     *
     * @throws ExpressionSyntaxException naming the 1-based position of the first problem
     */
    static Expression parse(String text) {
        if (text.length() > ExpressionLimits.MAX_LENGTH) {
            throw new ExpressionSyntaxException("the expression is " + text.length() + " characters long; at most "
                    + ExpressionLimits.MAX_LENGTH + " are allowed");
        }
        return new Expression(Parser.parse(text));
    }

    /**
     * The exact value.
     *
     * @throws TaskFailedException when it cannot be computed, e.g. {@code division by zero at position 5}
     */
    BigDecimal evaluate() {
        return Evaluator.evaluate(root);
    }

    /** The value as the result shows it, e.g. {@code 2.25}: plain decimal text, see {@link Decimals#format}. */
    String evaluateToText() {
        return Decimals.format(evaluate());
    }
}
