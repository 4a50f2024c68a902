package io.scatter.core.expression;

import java.math.BigDecimal;

/**
 * One token of an expression.
 *
 * @param position the 1-based position of its first character (one past the end for {@link Kind#END})
 * @param number   the value of a {@link Kind#NUMBER}, null for every other kind
 */
record Token(Kind kind, String text, int position, BigDecimal number) {

    private static final int LONGEST_SHOWN_TEXT = 20;

    enum Kind { NUMBER, NAME, PLUS, MINUS, STAR, SLASH, PERCENT, CARET, LEFT_PAREN, RIGHT_PAREN, COMMA, END }

    boolean is(Kind wanted) {
        return kind == wanted;
    }

    /** The token as an error message shows it, e.g. {@code ')'} or {@code end of expression}. */
    String describe() {
        if (kind == Kind.END) {
            return "end of expression";
        }
        String shown = text.length() > LONGEST_SHOWN_TEXT ? text.substring(0, LONGEST_SHOWN_TEXT) + "..." : text;
        return "'" + shown + "'";
    }
}
