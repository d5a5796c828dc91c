package io.twinsync.transform.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import io.twinsync.staging.rows.ValueType;
import java.util.Locale;

/** DTDL {@code boolean}: from BIT/BOOLEAN, the integers 0 and 1, or the text true/false/1/0 (any case). */
final class BooleanConverter implements ValueConverter {

    static final BooleanConverter INSTANCE = new BooleanConverter();

    @Override
    public String target() {
        return "boolean";
    }

    @Override
    public boolean accepts(ValueType type) {
        return type == ValueType.BOOLEAN || type == ValueType.INTEGER || type == ValueType.STRING;
    }

    @Override
    public JsonNode convert(Object value) {
        if (value instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        }
        String text = ValueText.of(value).strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "1" -> BooleanNode.TRUE;
            case "false", "0" -> BooleanNode.FALSE;
            default ->
                throw new UnconvertibleValueException(
                        "'" + ValueText.of(value) + "' is not a boolean (expected true, false, 1 or 0)");
        };
    }
}
