package io.twinsync.emulator.query;

import java.util.Arrays;
import java.util.Optional;

/** The comparison operators of the query language. */
enum ComparisonOperator {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    static Optional<ComparisonOperator> of(Token token) {
        return Arrays.stream(values()).filter(op -> token.isSymbol(op.symbol)).findFirst();
    }

    /** True for {@code < <= > >=}, which need values that have an order. */
    boolean isOrdering() {
        return this != EQ && this != NE;
    }

    /** Applies the operator to the result of a {@code compareTo}. */
    boolean holds(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
        };
    }
}
