package io.scatter.core.expression;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The functions an expression may call, with how many arguments each takes. */
enum MathFunction {
    ABS(1, 1), MAX(1, Integer.MAX_VALUE), MIN(1, Integer.MAX_VALUE), ROUND(1, 2), SQRT(1, 1);

    private final int minArguments;
    private final int maxArguments;

    MathFunction(int minArguments, int maxArguments) {
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
    }

    /** The function written {@code name} (lower case), if there is one. */
    static Optional<MathFunction> named(String name) {
        return Arrays.stream(values()).filter(function -> function.functionName().equals(name)).findFirst();
    }

    /** Every function name, e.g. for an error message: {@code abs, max, min, round, sqrt}. */
    static String names() {
        return Arrays.stream(values()).map(MathFunction::functionName).collect(Collectors.joining(", "));
    }

    String functionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean accepts(int arguments) {
        return arguments >= minArguments && arguments <= maxArguments;
    }

    /** How many arguments it takes, e.g. {@code 1 argument}, {@code 1 or 2 arguments}, {@code at least 1 argument}. */
    String arity() {
        if (maxArguments == Integer.MAX_VALUE) {
            return "at least " + minArguments + (minArguments == 1 ? " argument" : " arguments");
        }
        if (minArguments == maxArguments) {
            return minArguments + (minArguments == 1 ? " argument" : " arguments");
        }
        return minArguments + " or " + maxArguments + " arguments";
    }
}
