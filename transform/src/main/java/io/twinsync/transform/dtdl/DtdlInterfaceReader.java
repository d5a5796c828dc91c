package io.twinsync.transform.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads one DTDL interface document into a {@link DtdlInterface}. It reads what transform needs (contents, their
 * schemas, extends) and reports what it cannot use; it is not a full DTDL parser, and ADT remains the judge of the
 * rest when the models are uploaded.
 */
final class DtdlInterfaceReader {

    /** DTMI syntax: dtmi:segment(:segment)*;version, segments of letters, digits and underscores. */
    static final Pattern DTMI =
            Pattern.compile("dtmi:[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?(?::[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?)*"
                    + ";[1-9][0-9]{0,8}(?:\\.[1-9][0-9]{0,5})?");

    private static final List<String> CONTEXTS = List.of("dtmi:dtdl:context;3", "dtmi:dtdl:context;2");

    private final String source;
    private final Consumer<String> problems;

    DtdlInterfaceReader(String source, Consumer<String> problems) {
        this.source = source;
        this.problems = problems;
    }

    /** Reads an interface, or returns null (having reported why) when it cannot be used at all. */
    DtdlInterface read(JsonNode node, String where) {
        String at = source + where;
        if (!node.isObject()) {
            problems.accept(at + ": expected a DTDL Interface object, found " + node.getNodeType());
            return null;
        }
        String id = node.path("@id").asText(null);
        if (id == null || !DTMI.matcher(id).matches()) {
            problems.accept(at + ": @id " + node.path("@id") + " is not a DTMI such as dtmi:example:Site;1");
            return null;
        }
        at = source + " (" + id + ")";
        if (!hasType(node, "Interface")) {
            problems.accept(at + ": @type must be \"Interface\", found " + node.path("@type"));
            return null;
        }
        if (!hasContext(node.path("@context"))) {
            problems.accept(at + ": @context must be \"dtmi:dtdl:context;3\" (or ;2), found " + node.path("@context"));
        }
        List<String> extendsIds = readExtends(node.path("extends"), at);
        Map<String, DtdlSchema> schemas = readInterfaceSchemas(node.path("schemas"), at);
        Map<String, DtdlProperty> properties = new LinkedHashMap<>();
        Map<String, DtdlRelationship> relationships = new LinkedHashMap<>();
        Map<String, String> others = new LinkedHashMap<>();
        Map<String, String> components = new LinkedHashMap<>();
        JsonNode contents = node.path("contents");
        if (!contents.isMissingNode() && !contents.isArray()) {
            problems.accept(at + ": contents must be an array");
        }
        int index = 0;
        for (JsonNode content : contents) {
            String where2 = at + " contents[" + index++ + "]";
            String name = content.path("name").asText(null);
            if (name == null) {
                problems.accept(where2 + ": has no name");
                continue;
            }
            if (properties.containsKey(name) || relationships.containsKey(name) || others.containsKey(name)) {
                problems.accept(where2 + ": the name '" + name + "' is used twice in the interface");
                continue;
            }
            if (hasType(content, "Property")) {
                properties.put(name, new DtdlProperty(name, readSchema(content.path("schema"), schemas, where2), id));
            } else if (hasType(content, "Relationship")) {
                relationships.put(name, readRelationship(content, name, schemas, id, where2));
            } else {
                String type = content.path("@type").isArray()
                        ? content.path("@type").get(0).asText()
                        : content.path("@type").asText("(no @type)");
                others.put(name, type);
                if (hasType(content, "Component") && content.path("schema").isTextual()) {
                    components.put(name, content.path("schema").asText());
                }
            }
        }
        return new DtdlInterface(
                id,
                extendsIds,
                Collections.unmodifiableMap(properties),
                Collections.unmodifiableMap(relationships),
                Collections.unmodifiableMap(others),
                components,
                source,
                ((ObjectNode) node).deepCopy());
    }

    private DtdlRelationship readRelationship(
            JsonNode content, String name, Map<String, DtdlSchema> schemas, String declaredIn, String where) {
        String target = content.path("target").asText(null);
        Map<String, DtdlProperty> properties = new LinkedHashMap<>();
        for (JsonNode property : content.path("properties")) {
            String propertyName = property.path("name").asText(null);
            if (propertyName == null) {
                problems.accept(where + " (relationship " + name + "): a property has no name");
                continue;
            }
            properties.put(
                    propertyName,
                    new DtdlProperty(
                            propertyName,
                            readSchema(property.path("schema"), schemas, where + " property " + propertyName),
                            declaredIn));
        }
        return new DtdlRelationship(name, target, Collections.unmodifiableMap(properties), declaredIn);
    }

    private List<String> readExtends(JsonNode node, String at) {
        List<String> ids = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return ids;
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        for (JsonNode item : items) {
            if (item.isTextual()) {
                ids.add(item.asText());
            } else {
                problems.accept(at + ": extends must name interfaces by @id; inline interfaces are not supported"
                        + " (give the interface its own file and extend it by @id)");
            }
        }
        return ids;
    }

    /**
     * The interface's named schemas ({@code schemas}), read lazily so that one may use another declared after it;
     * a reference cycle (an Object holding itself) is reported once and read as unsupported.
     */
    private Map<String, DtdlSchema> readInterfaceSchemas(JsonNode node, String at) {
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        for (JsonNode schema : node) {
            String id = schema.path("@id").asText(null);
            if (id == null) {
                problems.accept(at + ": an entry of schemas has no @id");
                continue;
            }
            declared.put(id, schema);
        }
        Map<String, DtdlSchema> schemas = new HashMap<>();
        NamedSchemas named = new NamedSchemas(declared, schemas, new HashSet<>(), at);
        declared.keySet().forEach(named::resolve);
        return schemas;
    }

    /** Resolves the named schemas of one interface, each once. */
    private final class NamedSchemas {
        private final Map<String, JsonNode> declared;
        private final Map<String, DtdlSchema> resolved;
        private final Set<String> resolving;
        private final String at;

        NamedSchemas(
                Map<String, JsonNode> declared, Map<String, DtdlSchema> resolved, Set<String> resolving, String at) {
            this.declared = declared;
            this.resolved = resolved;
            this.resolving = resolving;
            this.at = at;
        }

        DtdlSchema resolve(String id) {
            DtdlSchema done = resolved.get(id);
            if (done != null) {
                return done;
            }
            if (!resolving.add(id)) {
                problems.accept(at + " schema " + id + ": refers to itself; DTDL schemas must not be recursive");
                return new DtdlSchema.Unsupported("a recursive schema " + id);
            }
            DtdlSchema schema = readComplexSchema(declared.get(id), id, this, at + " schema " + id);
            resolving.remove(id);
            resolved.put(id, schema);
            return schema;
        }

        boolean declares(String id) {
            return declared.containsKey(id);
        }
    }

    private DtdlSchema readSchema(JsonNode node, Map<String, DtdlSchema> schemas, String where) {
        return readSchema(node, new NamedSchemas(Map.of(), schemas, new HashSet<>(), where), where);
    }

    private DtdlSchema readSchema(JsonNode node, NamedSchemas schemas, String where) {
        if (node.isTextual()) {
            String term = node.asText();
            if (PrimitiveSchema.fromTerm(term).isPresent()) {
                return new DtdlSchema.Primitive(PrimitiveSchema.fromTerm(term).get());
            }
            if (schemas.declares(term) || schemas.resolved.containsKey(term)) {
                return schemas.resolve(term);
            }
            return new DtdlSchema.Unsupported(
                    term.startsWith("dtmi:")
                            ? "'" + term + "', which is not among the interface's schemas"
                            : "'" + term + "'");
        }
        if (node.isObject()) {
            return readComplexSchema(node, node.path("@id").asText(null), schemas, where);
        }
        problems.accept(where + ": schema must be a term such as \"string\" or an object, found " + node);
        return new DtdlSchema.Unsupported("a missing schema");
    }

    private DtdlSchema readComplexSchema(JsonNode node, String id, NamedSchemas schemas, String where) {
        if (hasType(node, "Object")) {
            Map<String, DtdlSchema> fields = new LinkedHashMap<>();
            for (JsonNode field : node.path("fields")) {
                String name = field.path("name").asText(null);
                if (name == null) {
                    problems.accept(where + ": an Object field has no name");
                    continue;
                }
                fields.put(name, readSchema(field.path("schema"), schemas, where + " field " + name));
            }
            return new DtdlSchema.ObjectType(id, fields);
        }
        if (hasType(node, "Map")) {
            JsonNode key = node.path("mapKey");
            JsonNode value = node.path("mapValue");
            if (!key.isObject() || !value.isObject()) {
                problems.accept(where + ": a Map needs a mapKey and a mapValue object");
                return new DtdlSchema.Unsupported("a malformed Map");
            }
            return new DtdlSchema.MapType(
                    id, key.path("name").asText("key"), readSchema(value.path("schema"), schemas, where + " mapValue"));
        }
        if (hasType(node, "Array")) {
            return new DtdlSchema.ArrayType(
                    id, readSchema(node.path("elementSchema"), schemas, where + " elementSchema"));
        }
        if (!hasType(node, "Enum")) {
            return new DtdlSchema.Unsupported(node.path("@type").asText("(a schema without @type)"));
        }
        String valueTerm = node.path("valueSchema").asText("");
        PrimitiveSchema valueSchema = PrimitiveSchema.fromTerm(valueTerm)
                .filter(s -> s == PrimitiveSchema.STRING || s == PrimitiveSchema.INTEGER)
                .orElse(null);
        if (valueSchema == null) {
            problems.accept(where + ": an Enum's valueSchema must be \"string\" or \"integer\", found "
                    + node.path("valueSchema"));
            return new DtdlSchema.Unsupported("a malformed Enum");
        }
        List<DtdlSchema.EnumValue> values = new ArrayList<>();
        for (JsonNode value : node.path("enumValues")) {
            String name = value.path("name").asText(null);
            JsonNode literal = value.path("enumValue");
            boolean fits = valueSchema == PrimitiveSchema.STRING ? literal.isTextual() : literal.canConvertToLong();
            if (name == null || !fits || (valueSchema == PrimitiveSchema.INTEGER && !literal.isIntegralNumber())) {
                problems.accept(
                        where + ": enum value " + value + " needs a name and a " + valueSchema.term() + " enumValue");
                continue;
            }
            values.add(new DtdlSchema.EnumValue(
                    name, valueSchema == PrimitiveSchema.STRING ? literal.asText() : (Object) literal.asLong()));
        }
        return new DtdlSchema.EnumType(id, valueSchema, values);
    }

    static boolean hasType(JsonNode node, String type) {
        JsonNode types = node.path("@type");
        if (types.isArray()) {
            for (JsonNode t : types) {
                if (type.equals(t.asText())) {
                    return true;
                }
            }
            return false;
        }
        return type.equals(types.asText());
    }

    private static boolean hasContext(JsonNode context) {
        if (context.isTextual()) {
            return CONTEXTS.contains(context.asText());
        }
        return context.isArray()
                && !context.isEmpty()
                && CONTEXTS.contains(context.get(0).asText());
    }
}
