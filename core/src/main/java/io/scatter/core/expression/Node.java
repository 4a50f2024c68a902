package io.scatter.core.expression;

import java.math.BigDecimal;
import java.util.List;

/** The syntax tree of a parsed expression; every node keeps the 1-based position errors about it name. */
sealed interface Node {

    int position();

    /** A number literal, at the position of its first character. */
    record Literal(BigDecimal value, int position) implements Node {
    }

    /** Unary minus, at the position of its sign. */
    record Negation(Node operand, int position) implements Node {
    }

    /** A binary operation, at the position of its operator. */
    record Binary(Operator operator, Node left, Node right, int position) implements Node {
    }

    /** A function call, at the position of the function's name. */
    record Call(MathFunction function, List<Node> arguments, int position) implements Node {

        public Call {
            arguments = List.copyOf(arguments);
        }
    }
}
