package io.twinsync.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The comparison operators of route filters (Microsoft Learn, "Create event routes and filters": {@code <, <=, >, >=,
 * =, !=}). Numbers compare as numbers and strings ordinally and case-sensitively ("Filters are case-sensitive");
 * booleans and {@code null} only with {@code =} and {@code !=}, where {@code x != null} holds for any present value
 * that is not null. A comparison with a missing part of the event, or across types, is never true (chosen, as in the
 * query language; ADT's rule is unverified).
 */
enum FilterComparator {
    EQUAL("="),
    NOT_EQUAL("!="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    FilterComparator(String symbol) {
        this.symbol = symbol;
    }

    static FilterComparator of(FilterToken token) {
        if (token.kind() != FilterToken.Kind.SYMBOL) {
            return null;
        }
        for (FilterComparator comparator : values()) {
            if (comparator.symbol.equals(token.text())) {
                return comparator;
            }
        }
        return null;
    }

    boolean test(JsonNode left, JsonNode right) {
        if (left.isMissingNode() || right.isMissingNode()) {
            return false;
        }
        if (left.isNull() || right.isNull()) {
            return switch (this) {
                case EQUAL -> left.isNull() && right.isNull();
                case NOT_EQUAL -> left.isNull() != right.isNull();
                default -> false;
            };
        }
        if (left.isNumber() && right.isNumber()) {
            return ordered(left.decimalValue().compareTo(right.decimalValue()));
        }
        if (left.isTextual() && right.isTextual()) {
            return ordered(left.asText().compareTo(right.asText()));
        }
        if (left.isBoolean() && right.isBoolean()) {
            return switch (this) {
                case EQUAL -> left.booleanValue() == right.booleanValue();
                case NOT_EQUAL -> left.booleanValue() != right.booleanValue();
                default -> false;
            };
        }
        return false;
    }

    private boolean ordered(int comparison) {
        return switch (this) {
            case EQUAL -> comparison == 0;
            case NOT_EQUAL -> comparison != 0;
            case LESS -> comparison < 0;
            case LESS_OR_EQUAL -> comparison <= 0;
            case GREATER -> comparison > 0;
            case GREATER_OR_EQUAL -> comparison >= 0;
        };
    }
}
