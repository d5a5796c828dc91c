package io.twinsync.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares two JSON values the way Cosmos DB does (its equality table): numbers with numbers, strings with strings
 * (ordinal, case-sensitive), booleans and nulls only for equality, objects and arrays only for equality with their own
 * kind; any other pair, or an undefined side, is {@link Truth#UNDEFINED}.
 */
final class ValueComparison {

    private ValueComparison() {}

    /** @param left the left value, or null when undefined; likewise {@code right} */
    static Truth compare(JsonNode left, ComparisonOperator operator, JsonNode right, int position) {
        if (left == null || right == null) {
            return Truth.UNDEFINED;
        }
        if (left.isNumber() && right.isNumber()) {
            return Truth.of(operator.holds(left.decimalValue().compareTo(right.decimalValue())));
        }
        if (left.isTextual() && right.isTextual()) {
            return Truth.of(operator.holds(left.asText().compareTo(right.asText())));
        }
        boolean sameKind = left.getNodeType() == right.getNodeType();
        if (!sameKind) {
            return Truth.UNDEFINED;
        }
        if (operator.isOrdering()) {
            if (left.isBoolean()) {
                // Whether ADT orders false before true is not documented: refuse rather than guess.
                throw QueryErrors.unsupported(position, "'" + operator.symbol() + "' between two boolean values");
            }
            return Truth.UNDEFINED;
        }
        boolean equal = left.equals(right);
        return Truth.of(operator == ComparisonOperator.EQ ? equal : !equal);
    }
}
