package io.scatter.core.expression;

import io.scatter.core.expression.Token.Kind;

import java.util.ArrayList;
import java.util.List;

/** A recursive-descent parser from an expression's tokens to a {@link Node} tree. */
final class Parser {

    private final List<Token> tokens;
    private int next;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * The tree of {@code text}, which must be one whole expression; no limit on the length is applied here. The
     * grammar, loosest first:
     * <pre>
     * expression := term (('+' | '-') term)*
     * term       := unary (('*' | '/' | '%') unary)*
     * unary      := ('-' | '+')* power
     * power      := primary ('^' ('-' | '+')* primary)*      right-associative: 2^3^2 = 2^(3^2), -2^2 = -(2^2)
     * primary    := NUMBER | NAME '(' (expression (',' expression)*)? ')' | '(' expression ')'
     * </pre>
     * It recurses only into parentheses and calls, and counts those and unary signs against
     * {@link ExpressionLimits#MAX_DEPTH}, so no input can overflow the stack; chains of operators are built in loops.
     *
     * @throws ExpressionSyntaxException naming the 1-based position of the first problem
     */
    static Node parse(String text) {
        Parser parser = new Parser(Lexer.tokenize(text));
        if (parser.peek().is(Kind.END)) {
            throw new ExpressionSyntaxException("the expression is empty");
        }
        Node root = parser.expression();
        if (!parser.peek().is(Kind.END)) {
            throw unexpected(parser.peek());
        }
        return root;
    }

    private Node expression() {
        Node left = term();
        while (peek().is(Kind.PLUS) || peek().is(Kind.MINUS)) {
            Token operator = advance();
            Operator op = operator.is(Kind.PLUS) ? Operator.ADD : Operator.SUBTRACT;
            left = new Node.Binary(op, left, term(), operator.position());
        }
        return left;
    }

    private Node term() {
        Node left = unary();
        while (peek().is(Kind.STAR) || peek().is(Kind.SLASH) || peek().is(Kind.PERCENT)) {
            Token operator = advance();
            Operator op = operator.is(Kind.STAR) ? Operator.MULTIPLY
                    : operator.is(Kind.SLASH) ? Operator.DIVIDE : Operator.REMAINDER;
            left = new Node.Binary(op, left, unary(), operator.position());
        }
        return left;
    }

    private Node unary() {
        List<Token> signs = signs();
        Node operand = power();
        depth -= signs.size();
        return applySigns(signs, operand);
    }

    /** A chain {@code a ^ -b ^ c} folded from the right: {@code a ^ (-(b ^ c))}. */
    private Node power() {
        Node base = primary();
        if (!peek().is(Kind.CARET)) {
            return base;
        }
        List<Node> operands = new ArrayList<>(List.of(base));
        List<Token> operators = new ArrayList<>();
        List<List<Token>> signsAfter = new ArrayList<>();
        int signCount = 0;
        while (peek().is(Kind.CARET)) {
            operators.add(advance());
            List<Token> signs = signs();
            signCount += signs.size();
            signsAfter.add(signs);
            operands.add(primary());
        }
        depth -= signCount;
        Node folded = operands.get(operands.size() - 1);
        for (int i = operators.size() - 1; i >= 0; i--) {
            folded = applySigns(signsAfter.get(i), folded);
            folded = new Node.Binary(Operator.POWER, operands.get(i), folded, operators.get(i).position());
        }
        return folded;
    }

    private Node primary() {
        Token token = advance();
        switch (token.kind()) {
            case NUMBER:
                return new Node.Literal(token.number(), token.position());
            case LEFT_PAREN:
                enter(token);
                Node inner = expression();
                close(token);
                depth--;
                return inner;
            case NAME:
                return call(token);
            default:
                throw unexpected(token);
        }
    }

    private Node call(Token name) {
        MathFunction function = MathFunction.named(name.text()).orElseThrow(() -> new ExpressionSyntaxException(
                "unknown function " + name.describe() + " at position " + name.position() + "; known functions: "
                        + MathFunction.names()));
        if (!peek().is(Kind.LEFT_PAREN)) {
            throw new ExpressionSyntaxException("expected '(' after " + function.functionName() + " at position "
                    + peek().position() + ", found " + peek().describe());
        }
        Token open = advance();
        enter(open);
        List<Node> arguments = new ArrayList<>();
        if (!peek().is(Kind.RIGHT_PAREN)) {
            arguments.add(expression());
            while (peek().is(Kind.COMMA)) {
                advance();
                arguments.add(expression());
            }
        }
        close(open);
        depth--;
        if (!function.accepts(arguments.size())) {
            throw new ExpressionSyntaxException(function.functionName() + " at position " + name.position()
                    + " takes " + function.arity() + ", got " + arguments.size());
        }
        return new Node.Call(function, arguments, name.position());
    }

    /** The run of unary signs at the cursor, each one a level of nesting until the caller gives them back. */
    private List<Token> signs() {
        List<Token> signs = new ArrayList<>();
        while (peek().is(Kind.MINUS) || peek().is(Kind.PLUS)) {
            Token sign = advance();
            enter(sign);
            signs.add(sign);
        }
        return signs;
    }

    private static Node applySigns(List<Token> signs, Node operand) {
        Node node = operand;
        for (int i = signs.size() - 1; i >= 0; i--) {
            if (signs.get(i).is(Kind.MINUS)) {
                node = new Node.Negation(node, signs.get(i).position());
            }
        }
        return node;
    }

    private void enter(Token token) {
        if (++depth > ExpressionLimits.MAX_DEPTH) {
            throw new ExpressionSyntaxException("expression nests more than " + ExpressionLimits.MAX_DEPTH
                    + " levels deep at position " + token.position());
        }
    }

    private void close(Token open) {
        if (peek().is(Kind.RIGHT_PAREN)) {
            advance();
        } else if (peek().is(Kind.END)) {
            throw new ExpressionSyntaxException("missing ')' for the '(' at position " + open.position());
        } else {
            throw unexpected(peek());
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token advance() {
        Token token = tokens.get(next);
        if (!token.is(Kind.END)) {
            next++;
        }
        return token;
    }

    private static ExpressionSyntaxException unexpected(Token token) {
        return new ExpressionSyntaxException("unexpected " + token.describe() + " at position " + token.position());
    }
}
