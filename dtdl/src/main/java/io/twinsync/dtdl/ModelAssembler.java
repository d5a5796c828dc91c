package io.twinsync.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.dtdl.Node.Value;
import io.twinsync.dtdl.model.DtdlCommand;
import io.twinsync.dtdl.model.DtdlComponent;
import io.twinsync.dtdl.model.DtdlContent;
import io.twinsync.dtdl.model.DtdlInterface;
import io.twinsync.dtdl.model.DtdlProperty;
import io.twinsync.dtdl.model.DtdlRelationship;
import io.twinsync.dtdl.model.DtdlSchema;
import io.twinsync.dtdl.model.DtdlTelemetry;
import io.twinsync.dtdl.model.LocalizedText;
import io.twinsync.dtdl.model.PrimitiveSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Builds the model records ({@link DtdlInterface} and its contents) from read elements, resolving schemas. */
final class ModelAssembler {

    private final Map<String, Node> index;

    ModelAssembler(Map<String, Node> index) {
        this.index = index;
    }

    DtdlInterface assemble(Node node) {
        Map<String, DtdlContent> contents = new LinkedHashMap<>();
        for (Value value : node.all("contents")) {
            Node content = value.element(index);
            if (content != null && content.name().isPresent()) {
                contents.putIfAbsent(content.name().get(), content(content, node.id));
            }
        }
        List<String> extendsIds = new ArrayList<>();
        for (Value value : node.all("extends")) {
            if (value instanceof Value.Child child) {
                extendsIds.add(child.node().id);
            } else if (value instanceof Value.Reference reference) {
                extendsIds.add(reference.id());
            }
        }
        return new DtdlInterface(
                node.id,
                node.version,
                node.location.source(),
                node.parent == null,
                text(node, "displayName"),
                text(node, "description"),
                node.text("comment").orElse(null),
                node.coTypes,
                extendsIds,
                contents,
                node.json);
    }

    private DtdlContent content(Node node, String declaredIn) {
        String name = node.name().orElseThrow();
        return switch (node.kind) {
            case PROPERTY -> property(node, declaredIn);
            case RELATIONSHIP -> relationship(node, declaredIn);
            case COMPONENT -> new DtdlComponent(name, componentSchema(node), declaredIn);
            case TELEMETRY -> new DtdlTelemetry(name, schema(node, "schema"), declaredIn);
            default -> new DtdlCommand(name, declaredIn);
        };
    }

    private DtdlProperty property(Node node, String declaredIn) {
        Optional<String> unit =
                node.first("unit").filter(Value.Instance.class::isInstance).map(v -> ((Value.Instance) v).term());
        return new DtdlProperty(
                node.name().orElseThrow(),
                schema(node, "schema"),
                bool(node, "writable"),
                node.coTypes,
                unit,
                declaredIn);
    }

    private DtdlRelationship relationship(Node node, String declaredIn) {
        Map<String, DtdlProperty> properties = new LinkedHashMap<>();
        for (Value value : node.all("properties")) {
            Node property = value.element(index);
            if (property != null && property.name().isPresent()) {
                properties.putIfAbsent(property.name().get(), property(property, declaredIn));
            }
        }
        return new DtdlRelationship(
                node.name().orElseThrow(),
                node.text("target"),
                properties,
                integer(node, "minMultiplicity"),
                integer(node, "maxMultiplicity"),
                bool(node, "writable"),
                declaredIn);
    }

    private String componentSchema(Node node) {
        Optional<Value> schema = node.first("schema");
        if (schema.isPresent() && schema.get() instanceof Value.Child child) {
            return child.node().id;
        }
        if (schema.isPresent() && schema.get() instanceof Value.Reference reference) {
            return reference.id();
        }
        return "";
    }

    /** The schema a property of an element holds, resolved. */
    DtdlSchema schema(Node node, String term) {
        return node.first(term).map(v -> schema(v, 0)).orElse(new DtdlSchema.Unknown("no schema"));
    }

    /** A complex schema element, resolved. */
    DtdlSchema schemaOf(Node schema) {
        return schema(new Value.Child(schema), 0);
    }

    private DtdlSchema schema(Value value, int depth) {
        if (value instanceof Value.Instance instance) {
            return PrimitiveSchema.fromTerm(instance.term())
                    .<DtdlSchema>map(DtdlSchema.Primitive::new)
                    .orElse(new DtdlSchema.Unknown("'" + instance.term() + "'"));
        }
        Node node = value.element(index);
        if (node == null) {
            return new DtdlSchema.Unknown(
                    value instanceof Value.Reference r
                            ? "'" + r.id() + "', which no model defines"
                            : "a schema that could not be read");
        }
        if (depth > ModelSetChecks.MAX_SCHEMA_DEPTH * 2) {
            return new DtdlSchema.Unknown("a schema that contains itself (" + node.id + ")");
        }
        String id = node.explicitId ? node.id : null;
        return switch (node.kind) {
            case ARRAY ->
                new DtdlSchema.ArraySchema(
                        id,
                        node.first("elementSchema")
                                .map(v -> schema(v, depth + 1))
                                .orElse(new DtdlSchema.Unknown("no elementSchema")));
            case MAP -> {
                Node key = node.first("mapKey").map(v -> v.element(index)).orElse(null);
                Node mapValue =
                        node.first("mapValue").map(v -> v.element(index)).orElse(null);
                yield new DtdlSchema.MapSchema(
                        id,
                        key == null ? "key" : key.name().orElse("key"),
                        mapValue == null
                                ? new DtdlSchema.Unknown("no mapValue")
                                : mapValue.first("schema")
                                        .map(v -> schema(v, depth + 1))
                                        .orElse(new DtdlSchema.Unknown("no schema")));
            }
            case OBJECT -> {
                Map<String, DtdlSchema> fields = new LinkedHashMap<>();
                for (Value field : node.all("fields")) {
                    Node f = field.element(index);
                    if (f != null && f.name().isPresent()) {
                        fields.putIfAbsent(
                                f.name().get(),
                                f.first("schema")
                                        .map(v -> schema(v, depth + 1))
                                        .orElse(new DtdlSchema.Unknown("none")));
                    }
                }
                yield new DtdlSchema.ObjectSchema(id, fields);
            }
            case ENUM -> enumSchema(node, id);
            default -> new DtdlSchema.Unknown("a " + node.kind.term() + " (" + node.id + "), which is not a schema");
        };
    }

    private DtdlSchema enumSchema(Node node, String id) {
        PrimitiveSchema valueSchema = node.first("valueSchema")
                .filter(Value.Instance.class::isInstance)
                .flatMap(v -> PrimitiveSchema.fromTerm(((Value.Instance) v).term()))
                .filter(s -> s == PrimitiveSchema.INTEGER || s == PrimitiveSchema.STRING)
                .orElse(null);
        if (valueSchema == null) {
            return new DtdlSchema.Unknown("an Enum without an integer or string valueSchema");
        }
        List<DtdlSchema.EnumValue> values = new ArrayList<>();
        for (Value value : node.all("enumValues")) {
            Node enumValue = value.element(index);
            if (enumValue == null || enumValue.name().isEmpty()) {
                continue;
            }
            enumValue.first("enumValue").filter(Value.Literal.class::isInstance).ifPresent(v -> {
                JsonNode literal = ((Value.Literal) v).value();
                Object typed = valueSchema == PrimitiveSchema.STRING
                        ? (literal.isTextual() ? literal.asText() : null)
                        : (literal.isIntegralNumber() ? (Object) literal.asLong() : null);
                if (typed != null) {
                    values.add(new DtdlSchema.EnumValue(enumValue.name().get(), typed));
                }
            });
        }
        return new DtdlSchema.EnumSchema(id, valueSchema, values);
    }

    private static boolean bool(Node node, String term) {
        return node.first(term)
                .filter(Value.Literal.class::isInstance)
                .map(v -> ((Value.Literal) v).value().asBoolean())
                .orElse(false);
    }

    private static OptionalInt integer(Node node, String term) {
        return node.first(term)
                .filter(Value.Literal.class::isInstance)
                .map(v -> ((Value.Literal) v).value())
                .filter(JsonNode::canConvertToInt)
                .map(v -> OptionalInt.of(v.asInt()))
                .orElse(OptionalInt.empty());
    }

    private static LocalizedText text(Node node, String term) {
        Map<String, String> texts = new LinkedHashMap<>();
        node.first(term)
                .filter(Value.Literal.class::isInstance)
                .map(v -> ((Value.Literal) v).value())
                .ifPresent(map -> map.properties()
                        .forEach(e -> texts.put(e.getKey(), e.getValue().asText())));
        return new LocalizedText(texts);
    }
}
