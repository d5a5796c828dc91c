package io.twinsync.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads DTDL schemas: a primitive name, a DTMI reference, or an inline Enum, Object, Map or Array. Inline schemas
 * that carry an {@code @id} are registered so that other properties may refer to them.
 */
final class SchemaParser {

    /** Primitive schemas that DTDL v3 added; a v2 model may not use them. */
    private static final Set<PrimitiveType> NEW_IN_V3 = EnumSet.of(
            PrimitiveType.BYTE,
            PrimitiveType.BYTES,
            PrimitiveType.DECIMAL,
            PrimitiveType.SHORT,
            PrimitiveType.UNSIGNED_BYTE,
            PrimitiveType.UNSIGNED_SHORT,
            PrimitiveType.UNSIGNED_INTEGER,
            PrimitiveType.UNSIGNED_LONG,
            PrimitiveType.UUID);

    private final String modelId;
    private final int dtdlVersion;
    private final Map<String, Schema> namedSchemas;
    private final Set<String> references;

    SchemaParser(String modelId, int dtdlVersion, Map<String, Schema> namedSchemas, Set<String> references) {
        this.modelId = modelId;
        this.dtdlVersion = dtdlVersion;
        this.namedSchemas = namedSchemas;
        this.references = references;
    }

    /** The schema of a Property; DTDL v2 allows no Array anywhere in it (v3 does). */
    Schema parseProperty(JsonNode node, String where) {
        Schema schema = parse(node, where);
        if (dtdlVersion < 3 && containsArray(schema)) {
            throw DtdlParser.error(
                    modelId,
                    where + " has an Array schema, which DTDL v2 does not allow in a Property; use"
                            + " dtmi:dtdl:context;3 or another schema");
        }
        return schema;
    }

    Schema parse(JsonNode node, String where) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw DtdlParser.error(modelId, where + " has no 'schema'");
        }
        if (node.isTextual()) {
            return parseName(node.asText(), where);
        }
        if (!node.isObject()) {
            throw DtdlParser.error(modelId, where + " has a schema that is neither a string nor an object");
        }
        Schema schema =
                switch (DtdlParser.typeOf(node)) {
                    case "Enum" -> parseEnum(node, where);
                    case "Object" -> parseObject(node, where);
                    case "Map" -> new Schema.MapOf(parse(node.path("mapValue").get("schema"), where + " map value"));
                    case "Array" -> new Schema.ArrayOf(parse(node.get("elementSchema"), where + " array element"));
                    default ->
                        throw DtdlParser.error(
                                modelId,
                                where + " has a schema of @type '" + DtdlParser.typeOf(node)
                                        + "'; expected Enum, Object, Map or Array");
                };
        if (node.path("@id").isTextual()) {
            namedSchemas.put(node.get("@id").asText(), schema);
        }
        return schema;
    }

    private Schema parseName(String name, String where) {
        var primitive = PrimitiveType.fromDtdlName(name);
        if (primitive.isPresent()) {
            if (dtdlVersion < 3 && NEW_IN_V3.contains(primitive.get())) {
                throw DtdlParser.error(
                        modelId,
                        where + " uses schema '" + name + "', which is new in DTDL v3; declare @context"
                                + " dtmi:dtdl:context;3 or use a DTDL v2 schema");
            }
            return new Schema.Primitive(primitive.get());
        }
        if (DtdlNames.isDtmi(name)) {
            references.add(name);
            return new Schema.Reference(name);
        }
        throw DtdlParser.error(modelId, where + " uses unknown schema '" + name + "'");
    }

    private static boolean containsArray(Schema schema) {
        if (schema instanceof Schema.ArrayOf) {
            return true;
        }
        if (schema instanceof Schema.MapOf map) {
            return containsArray(map.valueSchema());
        }
        if (schema instanceof Schema.ObjectOf object) {
            return object.fields().values().stream().anyMatch(SchemaParser::containsArray);
        }
        return false;
    }

    private Schema parseEnum(JsonNode node, String where) {
        String valueSchema = node.path("valueSchema").asText("");
        PrimitiveType valueType =
                switch (valueSchema) {
                    case "integer" -> PrimitiveType.INTEGER;
                    case "string" -> PrimitiveType.STRING;
                    default ->
                        throw DtdlParser.error(
                                modelId, where + " is an Enum whose valueSchema must be integer or string");
                };
        List<Schema.EnumValue> values = new ArrayList<>();
        for (JsonNode value : node.path("enumValues")) {
            String name = value.path("name").asText(null);
            JsonNode enumValue = value.get("enumValue");
            boolean typed = valueType == PrimitiveType.INTEGER
                    ? enumValue != null && enumValue.canConvertToInt() && enumValue.isIntegralNumber()
                    : enumValue != null && enumValue.isTextual();
            if (!DtdlNames.isName(name) || !typed) {
                throw DtdlParser.error(
                        modelId, where + " has an enum value without a valid name or a " + valueSchema + " enumValue");
            }
            values.add(new Schema.EnumValue(name, enumValue));
        }
        if (values.isEmpty()) {
            throw DtdlParser.error(modelId, where + " is an Enum without enumValues");
        }
        return new Schema.EnumOf(valueType, values);
    }

    private Schema parseObject(JsonNode node, String where) {
        Map<String, Schema> fields = new LinkedHashMap<>();
        for (JsonNode field : node.path("fields")) {
            String name = field.path("name").asText(null);
            if (!DtdlNames.isName(name)) {
                throw DtdlParser.error(modelId, where + " has an Object field without a valid name");
            }
            if (fields.put(name, parse(field.get("schema"), where + " field '" + name + "'")) != null) {
                throw DtdlParser.error(modelId, where + " declares field '" + name + "' twice");
            }
        }
        return new Schema.ObjectOf(fields);
    }
}
