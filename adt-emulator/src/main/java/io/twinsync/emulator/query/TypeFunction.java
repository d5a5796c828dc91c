package io.twinsync.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** The type-checking functions; each is false for an undefined (absent) property, as in ADT's documentation. */
enum TypeFunction {
    IS_DEFINED(node -> true),
    IS_BOOL(JsonNode::isBoolean),
    IS_NUMBER(JsonNode::isNumber),
    IS_STRING(JsonNode::isTextual),
    IS_NULL(JsonNode::isNull),
    IS_OBJECT(JsonNode::isObject),
    IS_PRIMITIVE(node -> node.isTextual() || node.isBoolean() || node.isNumber() || node.isNull());

    private final Predicate<JsonNode> test;

    TypeFunction(Predicate<JsonNode> test) {
        this.test = test;
    }

    static Optional<TypeFunction> named(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.name().equals(upper)).findFirst();
    }

    /** @param value the property's value, or null when it is not defined */
    boolean test(JsonNode value) {
        return value != null && test.test(value);
    }
}
