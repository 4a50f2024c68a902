package io.scatter.core.expression;

/** The binary operators of expressions, by the symbol they are written with. */
enum Operator {
    ADD('+'), SUBTRACT('-'), MULTIPLY('*'), DIVIDE('/'), REMAINDER('%'), POWER('^');

    private final char symbol;

    Operator(char symbol) {
        this.symbol = symbol;
    }

    char symbol() {
        return symbol;
    }
}
