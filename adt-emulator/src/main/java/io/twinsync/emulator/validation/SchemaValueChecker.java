package io.twinsync.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.model.ModelCatalog;
import io.twinsync.emulator.model.Schema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Checks a value against a DTDL schema and collects one readable problem per violation. */
final class SchemaValueChecker {

    /** ADT's limit on a string property value, in UTF-8 bytes. */
    static final int MAX_STRING_BYTES = 4 * 1024;

    private final ModelCatalog catalog;
    private final List<String> problems;

    SchemaValueChecker(ModelCatalog catalog, List<String> problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    void check(Schema schema, JsonNode value, String path) {
        if (value == null || value.isNull()) {
            problems.add("Property '" + path + "' is null; remove the property instead of setting it to null");
            return;
        }
        if (value.isTextual() && value.asText().getBytes(StandardCharsets.UTF_8).length > MAX_STRING_BYTES) {
            problems.add("Property '" + path + "' is a string longer than " + MAX_STRING_BYTES + " bytes");
            return;
        }
        if (schema instanceof Schema.Primitive primitive) {
            if (!PrimitiveValues.accepts(primitive.type(), value)) {
                problems.add("Property '" + path + "' must be of schema "
                        + primitive.type().dtdlName() + " but is " + describe(value));
            }
        } else if (schema instanceof Schema.EnumOf enumeration) {
            checkEnum(enumeration, value, path);
        } else if (schema instanceof Schema.ObjectOf object) {
            checkObject(object, value, path);
        } else if (schema instanceof Schema.MapOf map) {
            checkMap(map, value, path);
        } else if (schema instanceof Schema.ArrayOf array) {
            checkArray(array, value, path);
        } else if (schema instanceof Schema.Reference reference) {
            catalog.namedSchema(reference.id())
                    .ifPresentOrElse(
                            resolved -> check(resolved, value, path),
                            () -> problems.add("Property '" + path + "' uses schema " + reference.id()
                                    + ", which no uploaded model declares"));
        }
    }

    private void checkMap(Schema.MapOf map, JsonNode value, String path) {
        if (!value.isObject()) {
            problems.add("Property '" + path + "' must be a map (JSON object) but is " + describe(value));
            return;
        }
        value.properties().forEach(e -> check(map.valueSchema(), e.getValue(), path + "." + e.getKey()));
    }

    private void checkArray(Schema.ArrayOf array, JsonNode value, String path) {
        if (!value.isArray()) {
            problems.add("Property '" + path + "' must be an array but is " + describe(value));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            check(array.elementSchema(), value.get(i), path + "[" + i + "]");
        }
    }

    private void checkEnum(Schema.EnumOf enumeration, JsonNode value, String path) {
        boolean known = enumeration.values().stream().anyMatch(v -> v.value().equals(value));
        if (!known) {
            problems.add("Property '" + path + "' must be one of "
                    + enumeration.values().stream()
                            .map(v -> v.value().toString())
                            .collect(Collectors.joining(", "))
                    + " but is " + value);
        }
    }

    private void checkObject(Schema.ObjectOf object, JsonNode value, String path) {
        if (!value.isObject()) {
            problems.add("Property '" + path + "' must be an object but is " + describe(value));
            return;
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            Schema fieldSchema = object.fields().get(field.getKey());
            if (fieldSchema == null) {
                problems.add("Property '" + path + "' has field '" + field.getKey() + "', which its schema does not"
                        + " declare (declared: " + object.fields().keySet() + ")");
            } else {
                check(fieldSchema, field.getValue(), path + "." + field.getKey());
            }
        }
    }

    static String describe(JsonNode value) {
        String text = value.toString();
        String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + shown;
    }
}
