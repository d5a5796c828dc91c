package io.twinsync.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one DTDL interface (v2 or v3) as uploaded to {@code POST /models}. It checks structure and names, not
 * everything the official parser checks; references to other models are checked by {@link ModelSetValidator}.
 */
public final class DtdlParser {

    private static final Set<String> CONTENT_KINDS =
            Set.of("Property", "Relationship", "Component", "Telemetry", "Command");

    private DtdlParser() {}

    public static DtdlInterface parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new AdtException(AdtError.DTDL_PARSER_ERROR, "Every model must be a JSON object (a DTDL Interface)");
        }
        String id = node.path("@id").asText(null);
        if (!DtdlNames.isDtmi(id)) {
            throw new AdtException(
                    AdtError.DTDL_PARSER_ERROR,
                    "Model '" + node.path("@id").asText("")
                            + "' has no valid @id; expected a DTMI such as dtmi:com:example:Room;1");
        }
        int version = dtdlVersion(id, node.get("@context"));
        if (!"Interface".equals(typeOf(node))) {
            throw error(id, "@type must be Interface");
        }
        Map<String, Schema> namedSchemas = new LinkedHashMap<>();
        Set<String> schemaReferences = new LinkedHashSet<>();
        SchemaParser schemas = new SchemaParser(id, version, namedSchemas, schemaReferences);
        for (JsonNode schema : node.path("schemas")) {
            if (!schema.path("@id").isTextual()) {
                throw error(id, "every entry of 'schemas' needs an @id");
            }
            schemas.parse(schema, "schema " + schema.get("@id").asText());
        }
        Contents contents = new Contents();
        for (JsonNode content : node.path("contents")) {
            contents.add(id, content, schemas);
        }
        return new DtdlInterface(
                id,
                version,
                languageMap(node.get("displayName")),
                languageMap(node.get("description")),
                extendsIds(id, node.get("extends")),
                contents.properties,
                contents.relationships,
                contents.components,
                contents.others,
                namedSchemas,
                schemaReferences);
    }

    /** The {@code @type} of a DTDL element: a string, or the DTDL kind found in an array of types. */
    static String typeOf(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return "";
        }
        if (type.isTextual()) {
            return type.asText();
        }
        for (JsonNode entry : type) {
            String text = entry.asText();
            if (CONTENT_KINDS.contains(text)
                    || Set.of("Interface", "Enum", "Object", "Map", "Array").contains(text)) {
                return text;
            }
        }
        return "";
    }

    static AdtException error(String modelId, String message) {
        return new AdtException(AdtError.DTDL_PARSER_ERROR, "Model " + modelId + ": " + message);
    }

    private static int dtdlVersion(String id, JsonNode context) {
        List<String> entries = new ArrayList<>();
        if (context != null && context.isTextual()) {
            entries.add(context.asText());
        } else if (context != null && context.isArray()) {
            context.forEach(entry -> entries.add(entry.asText()));
        }
        if (entries.contains("dtmi:dtdl:context;2")) {
            return 2;
        }
        if (entries.contains("dtmi:dtdl:context;3")) {
            return 3;
        }
        throw new AdtException(
                AdtError.DTDL_PARSER_ERROR,
                "Model " + id + ": @context must be dtmi:dtdl:context;2" + " or dtmi:dtdl:context;3 (found " + entries
                        + ")");
    }

    private static List<String> extendsIds(String id, JsonNode node) {
        List<String> ids = new ArrayList<>();
        if (node == null || node.isNull()) {
            return ids;
        }
        for (JsonNode entry : node.isArray() ? node : List.of(node)) {
            if (!entry.isTextual() || !DtdlNames.isDtmi(entry.asText())) {
                throw error(id, "'extends' must name interfaces by DTMI (inline interfaces are not supported here)");
            }
            ids.add(entry.asText());
        }
        return ids;
    }

    private static Map<String, String> languageMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isTextual()) {
            map.put("en", node.asText());
        } else if (node != null && node.isObject()) {
            node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        return map;
    }

    /** Collects an interface's contents by kind and refuses duplicate names. */
    private static final class Contents {
        final Map<String, DtdlProperty> properties = new LinkedHashMap<>();
        final Map<String, DtdlRelationship> relationships = new LinkedHashMap<>();
        final Map<String, DtdlComponent> components = new LinkedHashMap<>();
        final Set<String> others = new HashSet<>();
        private final Set<String> names = new HashSet<>();

        void add(String id, JsonNode content, SchemaParser schemas) {
            String kind = typeOf(content);
            String name = content.path("name").asText(null);
            if (!CONTENT_KINDS.contains(kind)) {
                throw error(
                        id,
                        "content '" + name + "' has @type " + content.get("@type")
                                + "; expected Property, Relationship, Component, Telemetry or Command");
            }
            if (!DtdlNames.isName(name)) {
                throw error(id, kind + " content has no valid name (found '" + name + "')");
            }
            if (!names.add(name)) {
                throw error(id, "'contents' declares '" + name + "' more than once");
            }
            switch (kind) {
                case "Property" -> properties.put(name, property(content, name, schemas, "property '" + name + "'"));
                case "Relationship" -> relationships.put(name, relationship(id, content, name, schemas));
                case "Component" -> components.put(name, component(id, content, name));
                default -> others.add(name);
            }
        }

        private static DtdlProperty property(JsonNode content, String name, SchemaParser schemas, String where) {
            return new DtdlProperty(
                    name,
                    schemas.parseProperty(content.get("schema"), where),
                    content.path("writable").asBoolean(false));
        }

        private static DtdlRelationship relationship(String id, JsonNode content, String name, SchemaParser schemas) {
            JsonNode target = content.get("target");
            if (target != null && !(target.isTextual() && DtdlNames.isDtmi(target.asText()))) {
                throw error(id, "relationship '" + name + "' has a target that is not a DTMI");
            }
            Map<String, DtdlProperty> properties = new LinkedHashMap<>();
            for (JsonNode property : content.path("properties")) {
                String propertyName = property.path("name").asText(null);
                if (!DtdlNames.isName(propertyName) || !"Property".equals(typeOf(property))) {
                    throw error(
                            id, "relationship '" + name + "' has a property without @type Property or a valid name");
                }
                String where = "relationship '" + name + "' property '" + propertyName + "'";
                if (properties.put(propertyName, property(property, propertyName, schemas, where)) != null) {
                    throw error(id, where + " is declared twice");
                }
            }
            return new DtdlRelationship(name, Optional.ofNullable(target).map(JsonNode::asText), properties);
        }

        private static DtdlComponent component(String id, JsonNode content, String name) {
            JsonNode schema = content.get("schema");
            if (schema == null || !schema.isTextual() || !DtdlNames.isDtmi(schema.asText())) {
                throw error(id, "component '" + name + "' must name its interface by DTMI in 'schema'");
            }
            return new DtdlComponent(name, schema.asText());
        }
    }
}
