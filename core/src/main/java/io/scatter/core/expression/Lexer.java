package io.scatter.core.expression;

import io.scatter.core.expression.Token.Kind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Splits an expression into {@link Token}s ending with {@link Kind#END}, checking number literals' sizes. */
final class Lexer {

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int index;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        while (true) {
            while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
                index++;
            }
            if (index >= text.length()) {
                tokens.add(new Token(Kind.END, "", index + 1, null));
                return tokens;
            }
            char c = text.charAt(index);
            if (isDigit(c) || c == '.') {
                number();
            } else if (isNameStart(c)) {
                name();
            } else {
                symbol(c);
            }
        }
    }

    /** A number such as {@code 123}, {@code 1.5}, {@code .5}, {@code 1.}, {@code 1e10} or {@code 1.5E-3}. */
    private void number() {
        int start = index;
        int digits = skipDigits();
        if (index < text.length() && text.charAt(index) == '.') {
            index++;
            digits += skipDigits();
        }
        if (digits == 0) {
            throw new ExpressionSyntaxException("expected a digit before or after '.' at position " + (start + 1));
        }
        if (digits > ExpressionLimits.MAX_LITERAL_DIGITS) {
            throw new ExpressionSyntaxException("number at position " + (start + 1) + " has more than "
                    + ExpressionLimits.MAX_LITERAL_DIGITS + " digits");
        }
        if (index < text.length() && (text.charAt(index) == 'e' || text.charAt(index) == 'E')) {
            exponent(start);
        }
        String literal = text.substring(start, index);
        BigDecimal value = new BigDecimal(literal);
        if (Decimals.digits(value) > ExpressionLimits.MAX_DIGITS) {
            throw new ExpressionSyntaxException("number at position " + (start + 1) + " would have more than "
                    + ExpressionLimits.MAX_DIGITS + " digits written out");
        }
        tokens.add(new Token(Kind.NUMBER, literal, start + 1, value));
    }

    private void exponent(int start) {
        int marker = index++;
        if (index < text.length() && (text.charAt(index) == '+' || text.charAt(index) == '-')) {
            index++;
        }
        int digitsStart = index;
        if (skipDigits() == 0) {
            throw new ExpressionSyntaxException("expected digits after '" + text.charAt(marker) + "' at position "
                    + (index + 1));
        }
        String digits = text.substring(digitsStart, index).replaceFirst("^0+(?=.)", "");
        if (digits.length() > 5 || Integer.parseInt(digits) > ExpressionLimits.MAX_LITERAL_EXPONENT) {
            throw new ExpressionSyntaxException("exponent of the number at position " + (start + 1)
                    + " must be between -" + ExpressionLimits.MAX_LITERAL_EXPONENT + " and "
                    + ExpressionLimits.MAX_LITERAL_EXPONENT);
        }
    }

    /** ASCII letters, digits and underscores, starting with a letter or an underscore. */
    private void name() {
        int start = index;
        while (index < text.length() && (isNameStart(text.charAt(index)) || isDigit(text.charAt(index)))) {
            index++;
        }
        tokens.add(new Token(Kind.NAME, text.substring(start, index), start + 1, null));
    }

    private void symbol(char c) {
        Kind kind = switch (c) {
            case '+' -> Kind.PLUS;
            case '-' -> Kind.MINUS;
            case '*' -> Kind.STAR;
            case '/' -> Kind.SLASH;
            case '%' -> Kind.PERCENT;
            case '^' -> Kind.CARET;
            case '(' -> Kind.LEFT_PAREN;
            case ')' -> Kind.RIGHT_PAREN;
            case ',' -> Kind.COMMA;
            default -> throw new ExpressionSyntaxException("unexpected character " + show(text.codePointAt(index))
                    + " at position " + (index + 1));
        };
        tokens.add(new Token(kind, String.valueOf(c), index + 1, null));
        index++;
    }

    private int skipDigits() {
        int start = index;
        while (index < text.length() && isDigit(text.charAt(index))) {
            index++;
        }
        return index - start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    /** A character for an error message: {@code '#'}, {@code '×' (U+00D7)}, or just {@code U+00A0} if invisible. */
    private static String show(int codePoint) {
        String code = String.format("U+%04X", codePoint);
        if (codePoint > ' ' && codePoint < 0x7f) {
            return "'" + (char) codePoint + "'";
        }
        int type = Character.getType(codePoint);
        boolean visible = Character.isDefined(codePoint) && !Character.isISOControl(codePoint)
                && !Character.isSpaceChar(codePoint) && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.PRIVATE_USE;
        return visible ? "'" + new String(Character.toChars(codePoint)) + "' (" + code + ")" : code;
    }
}
