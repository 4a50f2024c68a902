package io.scatter.core.expression;

import io.scatter.core.jobtype.TaskFailedException;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Evaluates a {@link Node} tree with {@link Arithmetic}, left operand before right, with explicit stacks instead of
 * recursion, so that a tree as deep as a long chain of operators cannot overflow the stack.
 */
final class Evaluator {

    /** A node whose operands are on the value stack, waiting to be applied. */
    private record Apply(Node node) {
    }

    private Evaluator() {
    }

    /**
     * The exact value of {@code root}.
     *
     * @throws TaskFailedException when an operation fails, e.g. {@code division by zero at position 5}
     */
    static BigDecimal evaluate(Node root) {
        Deque<Object> work = new ArrayDeque<>();
        Deque<BigDecimal> values = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            Object item = work.pop();
            if (item instanceof Apply apply) {
                values.push(apply(apply.node(), values));
            } else if (item instanceof Node.Literal literal) {
                values.push(literal.value());
            } else {
                Node node = (Node) item;
                work.push(new Apply(node));
                List<Node> operands = operands(node);
                for (int i = operands.size() - 1; i >= 0; i--) {
                    work.push(operands.get(i));
                }
            }
        }
        return values.pop();
    }

    private static List<Node> operands(Node node) {
        if (node instanceof Node.Negation negation) {
            return List.of(negation.operand());
        }
        if (node instanceof Node.Binary binary) {
            return List.of(binary.left(), binary.right());
        }
        return ((Node.Call) node).arguments();
    }

    private static BigDecimal apply(Node node, Deque<BigDecimal> values) {
        try {
            if (node instanceof Node.Negation) {
                return values.pop().negate();
            }
            if (node instanceof Node.Binary binary) {
                BigDecimal right = values.pop();
                BigDecimal left = values.pop();
                return operate(binary.operator(), left, right, binary.position());
            }
            Node.Call call = (Node.Call) node;
            BigDecimal[] arguments = new BigDecimal[call.arguments().size()];
            for (int i = arguments.length - 1; i >= 0; i--) {
                arguments[i] = values.pop();
            }
            return call(call.function(), arguments, call.position());
        } catch (ArithmeticException e) {
            throw new TaskFailedException("cannot compute " + describe(node) + " at position " + node.position()
                    + ": " + e.getMessage(), e);
        }
    }

    private static BigDecimal operate(Operator operator, BigDecimal left, BigDecimal right, int position) {
        switch (operator) {
            case ADD:
                return Arithmetic.add(left, right, position);
            case SUBTRACT:
                return Arithmetic.subtract(left, right, position);
            case MULTIPLY:
                return Arithmetic.multiply(left, right, position);
            case DIVIDE:
                return Arithmetic.divide(left, right, position);
            case REMAINDER:
                return Arithmetic.remainder(left, right, position);
            case POWER:
                return Arithmetic.power(left, right, position);
            default:
                throw new IllegalStateException("no rule for " + operator);
        }
    }

    private static BigDecimal call(MathFunction function, BigDecimal[] arguments, int position) {
        switch (function) {
            case ABS:
                return arguments[0].abs();
            case MAX:
                return extreme(arguments, 1);
            case MIN:
                return extreme(arguments, -1);
            case ROUND:
                return Arithmetic.round(arguments[0], arguments.length > 1 ? arguments[1] : BigDecimal.ZERO, position);
            case SQRT:
                return Arithmetic.sqrt(arguments[0], position);
            default:
                throw new IllegalStateException("no rule for " + function);
        }
    }

    /** The largest argument for {@code sign} 1, the smallest for -1; the first of equal ones. */
    private static BigDecimal extreme(BigDecimal[] arguments, int sign) {
        BigDecimal best = arguments[0];
        for (BigDecimal argument : arguments) {
            if (argument.compareTo(best) * sign > 0) {
                best = argument;
            }
        }
        return best;
    }

    private static String describe(Node node) {
        if (node instanceof Node.Binary binary) {
            return String.valueOf(binary.operator().symbol());
        }
        return node instanceof Node.Call call ? call.function().functionName() : "-";
    }
}
