package io.twinsync.transform.convert;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.dtdl.model.DtdlSchema;
import io.twinsync.dtdl.model.PrimitiveSchema;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.rows.ValueType;
import io.twinsync.transform.validate.AdtLimits;
import java.math.BigDecimal;
import java.util.Map;

/**
 * DTDL Object, Map and Array from one text column holding JSON (an {@code nvarchar} or {@code json} column). The JSON
 * is parsed and every leaf goes through the converter of its schema, so a leaf is checked exactly as a column mapped
 * to it would be. A JSON string only fills a {@code string} leaf; other leaves take the JSON value as the converters
 * take a column value (a number for {@code double}, {@code "PT5M"} for {@code duration}, a name or value for an enum).
 * A null object field or map value is left out (ADT has no null values); a null array element is refused. Array
 * element order is kept.
 */
final class StructuredValueConverter implements ValueConverter {

    /** Digits or exponent beyond this are no double, float, long or integer. */
    private static final int MAX_DIGITS = 1000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DtdlSchema schema;

    StructuredValueConverter(DtdlSchema schema) {
        if (!(schema instanceof DtdlSchema.ObjectSchema
                || schema instanceof DtdlSchema.MapSchema
                || schema instanceof DtdlSchema.ArraySchema)) {
            throw new IllegalArgumentException("Not a structured schema: " + schema.describe());
        }
        this.schema = schema;
    }

    @Override
    public String target() {
        return schema.describe();
    }

    @Override
    public boolean accepts(ValueType type) {
        return type == ValueType.STRING;
    }

    @Override
    public JsonNode convert(Object value) {
        JsonNode parsed;
        try {
            parsed = StagingJson.mapper().readTree((String) value);
        } catch (JacksonException e) {
            throw new UnconvertibleValueException("it is not valid JSON: " + e.getOriginalMessage());
        }
        if (parsed == null || parsed.isMissingNode()) {
            throw new UnconvertibleValueException("it is empty, not JSON");
        }
        return convert(schema, parsed, "");
    }

    private JsonNode convert(DtdlSchema target, JsonNode json, String path) {
        if (target instanceof DtdlSchema.ObjectSchema object) {
            ObjectNode result = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : fields(json, "an object", path)) {
                DtdlSchema fieldSchema = object.fields().get(field.getKey());
                String at = path + "." + field.getKey();
                if (fieldSchema == null) {
                    throw new UnconvertibleValueException(
                            "the Object has no field '" + field.getKey() + "'; its fields are "
                                    + object.fields().keySet(),
                            at);
                }
                if (!field.getValue().isNull()) {
                    result.set(field.getKey(), convert(fieldSchema, field.getValue(), at));
                }
            }
            return result;
        }
        if (target instanceof DtdlSchema.MapSchema map) {
            ObjectNode result = NODES.objectNode();
            for (Map.Entry<String, JsonNode> entry : fields(json, "a map (a JSON object)", path)) {
                String at = path + "." + entry.getKey();
                if (entry.getKey().isEmpty() || entry.getKey().startsWith("$")) {
                    throw new UnconvertibleValueException(
                            "a map key must not be empty or start with '$' (ADT reserves those names)", at);
                }
                if (!entry.getValue().isNull()) {
                    result.set(entry.getKey(), convert(map.valueSchema(), entry.getValue(), at));
                }
            }
            return result;
        }
        if (target instanceof DtdlSchema.ArraySchema array) {
            if (!json.isArray()) {
                throw new UnconvertibleValueException("expected a JSON array, found " + kind(json), blank(path));
            }
            ArrayNode result = NODES.arrayNode();
            for (int i = 0; i < json.size(); i++) {
                String at = path + "[" + i + "]";
                if (json.get(i).isNull()) {
                    throw new UnconvertibleValueException("an array element is null; ADT stores no nulls", at);
                }
                result.add(convert(array.elementSchema(), json.get(i), at));
            }
            return result;
        }
        return leaf(target, json, path);
    }

    private static JsonNode leaf(DtdlSchema target, JsonNode json, String path) {
        if (ValueConverters.unfillable(target).isPresent()) {
            throw new UnconvertibleValueException(
                    "its schema is " + ValueConverters.unfillable(target).get() + ", which transform cannot fill",
                    blank(path));
        }
        if (!json.isValueNode()) {
            throw new UnconvertibleValueException(
                    "expected a " + target.describe() + " value, found " + kind(json), blank(path));
        }
        boolean stringTarget = target instanceof DtdlSchema.Primitive p && p.kind() == PrimitiveSchema.STRING;
        if (stringTarget && !json.isTextual()) {
            throw new UnconvertibleValueException("expected a JSON string, found " + kind(json), blank(path));
        }
        Object value;
        ValueType type;
        if (json.isTextual()) {
            value = json.asText();
            type = ValueType.STRING;
        } else if (json.isBoolean()) {
            value = json.asBoolean();
            type = ValueType.BOOLEAN;
        } else if (json.isIntegralNumber() && json.canConvertToLong()) {
            value = json.asLong();
            type = ValueType.INTEGER;
        } else if (json.isNumber()) {
            BigDecimal number = json.decimalValue();
            // JSON allows 1e999999999; written out in full it would take a gigabyte, and no DTDL number holds it
            if (Math.abs((long) number.scale()) > MAX_DIGITS || number.precision() > MAX_DIGITS) {
                throw new UnconvertibleValueException(
                        "the number " + number + " is beyond any DTDL numeric schema", blank(path));
            }
            value = number;
            type = ValueType.DECIMAL;
        } else {
            throw new UnconvertibleValueException(
                    "expected a " + target.describe() + " value, found " + kind(json), blank(path));
        }
        ValueConverter converter = ValueConverters.forSchema(target);
        if (!converter.accepts(type)) {
            throw new UnconvertibleValueException(
                    "expected a " + target.describe() + " value, found " + kind(json), blank(path));
        }
        JsonNode converted;
        try {
            converted = converter.convert(value instanceof BigDecimal d ? d.stripTrailingZeros() : value);
        } catch (UnconvertibleValueException e) {
            throw new UnconvertibleValueException(e.getMessage(), blank(path));
        }
        if (converted.isTextual() && AdtLimits.stringTooLong(converted.asText())) {
            throw new UnconvertibleValueException(
                    "a string of " + AdtLimits.utf8Length(converted.asText()) + " bytes (UTF-8); ADT takes at most "
                            + AdtLimits.MAX_STRING_BYTES,
                    blank(path));
        }
        return converted;
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode json, String expected, String path) {
        if (!json.isObject()) {
            throw new UnconvertibleValueException("expected " + expected + ", found " + kind(json), blank(path));
        }
        return json.properties();
    }

    private static String kind(JsonNode json) {
        String text = json.toString();
        return json.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                + (text.length() > 40 ? text.substring(0, 37) + "..." : text);
    }

    private static String blank(String path) {
        return path.isEmpty() ? null : path;
    }
}
