package io.twinsync.transform.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.twinsync.dtdl.model.DtdlSchema;
import io.twinsync.dtdl.model.PrimitiveSchema;
import io.twinsync.staging.rows.ValueType;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A DTDL Enum: the source value names one enum value, by its value or by its name (ERP {@code Running} becomes the
 * enum value {@code running} when an enum value is named {@code Running}). Exact matches win; otherwise a match
 * ignoring case counts when exactly one value matches. Leading and trailing spaces are ignored (CHAR padding).
 */
final class EnumConverter implements ValueConverter {

    private final DtdlSchema.EnumSchema schema;

    EnumConverter(DtdlSchema.EnumSchema schema) {
        this.schema = schema;
    }

    @Override
    public String target() {
        return schema.describe();
    }

    @Override
    public boolean accepts(ValueType type) {
        return type == ValueType.STRING || type == ValueType.INTEGER;
    }

    @Override
    public JsonNode convert(Object value) {
        String text = ValueText.of(value).strip();
        DtdlSchema.EnumValue match = exact(text, v -> String.valueOf(v.value()))
                .or(() -> exact(text, DtdlSchema.EnumValue::name))
                .or(() -> ignoringCase(text, v -> String.valueOf(v.value())))
                .or(() -> ignoringCase(text, DtdlSchema.EnumValue::name))
                .orElseThrow(() -> new UnconvertibleValueException("'" + value + "' is " + choices()));
        return schema.valueSchema() == PrimitiveSchema.INTEGER
                ? JsonNodeFactory.instance.numberNode((Long) match.value())
                : JsonNodeFactory.instance.textNode((String) match.value());
    }

    /** The names and values a cell may hold, each list once when names and values are the same. */
    private String choices() {
        List<String> names =
                schema.values().stream().map(DtdlSchema.EnumValue::name).toList();
        List<String> values =
                schema.values().stream().map(v -> String.valueOf(v.value())).toList();
        return names.equals(values)
                ? "none of the enum's values " + values
                : "none of the enum's names " + names + " or values " + values;
    }

    private Optional<DtdlSchema.EnumValue> exact(String text, Function<DtdlSchema.EnumValue, String> key) {
        return schema.values().stream().filter(v -> key.apply(v).equals(text)).findFirst();
    }

    private Optional<DtdlSchema.EnumValue> ignoringCase(String text, Function<DtdlSchema.EnumValue, String> key) {
        List<DtdlSchema.EnumValue> matches = schema.values().stream()
                .filter(v -> key.apply(v).equalsIgnoreCase(text))
                .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
