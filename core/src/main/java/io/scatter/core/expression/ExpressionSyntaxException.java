package io.scatter.core.expression;

/** An expression cannot be parsed or breaks a limit on its text; the message names the 1-based position. */
final class ExpressionSyntaxException extends RuntimeException {

    ExpressionSyntaxException(String message) {
        super(message);
    }
}
