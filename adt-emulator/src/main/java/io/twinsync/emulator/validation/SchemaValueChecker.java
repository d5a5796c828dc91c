package io.twinsync.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.dtdl.model.DtdlSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Checks a value against a DTDL schema and collects one readable problem per violation. */
final class SchemaValueChecker {

    /** ADT's limit on a string property value, in UTF-8 bytes. */
    static final int MAX_STRING_BYTES = 4 * 1024;

    private final List<String> problems;

    SchemaValueChecker(List<String> problems) {
        this.problems = problems;
    }

    void check(DtdlSchema schema, JsonNode value, String path) {
        if (value == null || value.isNull()) {
            problems.add("Property '" + path + "' is null; remove the property instead of setting it to null");
            return;
        }
        if (value.isTextual() && value.asText().getBytes(StandardCharsets.UTF_8).length > MAX_STRING_BYTES) {
            problems.add("Property '" + path + "' is a string longer than " + MAX_STRING_BYTES + " bytes");
            return;
        }
        if (schema instanceof DtdlSchema.Primitive primitive) {
            if (!PrimitiveValues.accepts(primitive.kind(), value)) {
                problems.add("Property '" + path + "' must be of schema "
                        + primitive.kind().term() + " but is " + describe(value));
            }
        } else if (schema instanceof DtdlSchema.EnumSchema enumeration) {
            checkEnum(enumeration, value, path);
        } else if (schema instanceof DtdlSchema.ObjectSchema object) {
            checkObject(object, value, path);
        } else if (schema instanceof DtdlSchema.MapSchema map) {
            checkMap(map, value, path);
        } else if (schema instanceof DtdlSchema.ArraySchema array) {
            checkArray(array, value, path);
        } else if (schema instanceof DtdlSchema.Unknown unknown) {
            // uploads are refused while a schema is unknown, so a stored model never has one
            problems.add("Property '" + path + "' has schema " + unknown.describe() + ", which cannot be checked");
        }
    }

    private void checkMap(DtdlSchema.MapSchema map, JsonNode value, String path) {
        if (!value.isObject()) {
            problems.add("Property '" + path + "' must be a map (JSON object) but is " + describe(value));
            return;
        }
        value.properties().forEach(e -> check(map.valueSchema(), e.getValue(), path + "." + e.getKey()));
    }

    private void checkArray(DtdlSchema.ArraySchema array, JsonNode value, String path) {
        if (!value.isArray()) {
            problems.add("Property '" + path + "' must be an array but is " + describe(value));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            check(array.elementSchema(), value.get(i), path + "[" + i + "]");
        }
    }

    private void checkEnum(DtdlSchema.EnumSchema enumeration, JsonNode value, String path) {
        boolean known = enumeration.values().stream().anyMatch(v -> matches(v.value(), value));
        if (!known) {
            problems.add("Property '" + path + "' must be one of "
                    + enumeration.values().stream()
                            .map(v -> v.value().toString())
                            .collect(Collectors.joining(", "))
                    + " but is " + value);
        }
    }

    private void checkObject(DtdlSchema.ObjectSchema object, JsonNode value, String path) {
        if (!value.isObject()) {
            problems.add("Property '" + path + "' must be an object but is " + describe(value));
            return;
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            DtdlSchema fieldSchema = object.fields().get(field.getKey());
            if (fieldSchema == null) {
                problems.add("Property '" + path + "' has field '" + field.getKey() + "', which its schema does not"
                        + " declare (declared: " + object.fields().keySet() + ")");
            } else {
                check(fieldSchema, field.getValue(), path + "." + field.getKey());
            }
        }
    }

    /** An enum value ({@link String} or {@link Long}) equals a JSON value of the same type and value. */
    private static boolean matches(Object enumValue, JsonNode value) {
        if (enumValue instanceof String text) {
            return value.isTextual() && value.asText().equals(text);
        }
        return value.isIntegralNumber() && value.canConvertToLong() && value.asLong() == (Long) enumValue;
    }

    static String describe(JsonNode value) {
        String text = value.toString();
        String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + shown;
    }
}
