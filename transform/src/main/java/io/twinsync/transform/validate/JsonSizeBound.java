package io.twinsync.transform.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;

/**
 * An upper bound on the size of a JSON tree as compact UTF-8 JSON, found without writing it: each character of a
 * name or string counts 6 bytes (a {@code \\uXXXX} escape; UTF-8 takes at most 3), each number as many bytes as its
 * longest plain form. Almost every twin is far under ADT's 32 KB by this bound, so only the rare document near the
 * limit is serialised to be measured exactly.
 */
public final class JsonSizeBound {

    private static final int MAX_CHAR_BYTES = 6;

    private JsonSizeBound() {}

    public static long atMost(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                long size = 2;
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    size += text(field.getKey()) + 2 + atMost(field.getValue()); // colon and comma
                }
                return size;
            }
            case ARRAY -> {
                long size = 2;
                for (JsonNode item : node) {
                    size += atMost(item) + 1;
                }
                return size;
            }
            case STRING -> {
                return text(node.textValue());
            }
            case NUMBER -> {
                return number(node);
            }
            case BOOLEAN -> {
                return 5;
            }
            default -> {
                return node.toString().length() * (long) MAX_CHAR_BYTES; // null, binary, POJO: rare
            }
        }
    }

    private static long text(String text) {
        return 2 + (long) text.length() * MAX_CHAR_BYTES;
    }

    private static long number(JsonNode node) {
        if (node.isBigDecimal()) {
            BigDecimal value = node.decimalValue();
            return value.precision() + (long) Math.abs(value.scale()) + 3; // sign, "0." (written plain)
        }
        if (node.isBigInteger()) {
            return node.bigIntegerValue().bitLength() / 3 + 2;
        }
        return 26; // long, int, double or float: at most 24 characters as Java writes them
    }
}
