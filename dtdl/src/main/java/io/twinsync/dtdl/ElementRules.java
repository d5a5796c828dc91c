package io.twinsync.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.dtdl.Node.Value;
import io.twinsync.dtdl.model.DtdlVersion;
import io.twinsync.dtdl.model.PrimitiveSchema;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules between one element's own properties and its direct children, from the "Limits" column of the DTDL class
 * charts: multiplicities, enum value types, map keys, unique names, semantic type units, command types.
 */
final class ElementRules {

    private final Problems problems;

    ElementRules(Problems problems) {
        this.problems = problems;
    }

    void check(Node node) {
        switch (node.kind) {
            case INTERFACE -> {
                uniqueNames(node, "contents", "contents");
                annotations(node);
            }
            case RELATIONSHIP -> {
                multiplicity(node);
                uniqueNames(node, "properties", "properties of the relationship");
            }
            case OBJECT -> uniqueNames(node, "fields", "fields of the Object");
            case ENUM -> enumValues(node);
            case MAP_KEY -> mapKey(node);
            case COMMAND -> commandType(node);
            default -> {}
        }
        semanticTypes(node);
        indexed(node);
        if (node.version == DtdlVersion.V2 && node.kind == ElementKind.PROPERTY) {
            node.first("schema")
                    .filter(Value.Instance.class::isInstance)
                    .flatMap(v -> PrimitiveSchema.fromTerm(((Value.Instance) v).term()))
                    .filter(PrimitiveSchema::isGeospatial)
                    .ifPresent(s -> problems.add(
                            node.location,
                            "has schema " + s.term() + "; DTDL v2 allows"
                                    + " geospatial schemas in Telemetry only (DTDL v3 allows them in a Property)"));
        }
    }

    private void uniqueNames(Node node, String term, String what) {
        Set<String> names = new HashSet<>();
        for (Value value : node.all(term)) {
            if (value instanceof Value.Child child) {
                child.node().name().ifPresent(name -> {
                    if (!names.add(name)) {
                        problems.add(
                                node.location,
                                "the name '" + name + "' is used twice among the " + what
                                        + "; names must be unique there");
                    }
                });
            }
        }
    }

    private void multiplicity(Node node) {
        Optional<Long> min = integer(node, "minMultiplicity");
        Optional<Long> max = integer(node, "maxMultiplicity");
        min.filter(m -> m != 0)
                .ifPresent(m -> problems.add(node.location, "'minMultiplicity' is " + m + "; it must be 0"));
        max.filter(m -> m < 1)
                .ifPresent(m -> problems.add(node.location, "'maxMultiplicity' is " + m + "; it must be at least 1"));
        if (node.version == DtdlVersion.V2) {
            max.filter(m -> m > 500)
                    .ifPresent(m ->
                            problems.add(node.location, "'maxMultiplicity' is " + m + "; DTDL v2 allows at most 500"));
        }
    }

    private static Optional<Long> integer(Node node, String term) {
        return node.first(term)
                .filter(Value.Literal.class::isInstance)
                .map(v -> ((Value.Literal) v).value())
                .filter(JsonNode::isIntegralNumber)
                .map(JsonNode::asLong);
    }

    private void enumValues(Node node) {
        Optional<String> valueSchema = node.first("valueSchema")
                .filter(Value.Instance.class::isInstance)
                .map(v -> ((Value.Instance) v).term());
        if (node.first("valueSchema").isPresent()
                && !(valueSchema.equals(Optional.of("integer")) || valueSchema.equals(Optional.of("string")))) {
            problems.add(node.location, "'valueSchema' must be integer or string");
            return;
        }
        Set<String> names = new HashSet<>();
        Map<String, String> values = new HashMap<>();
        for (Value value : node.all("enumValues")) {
            if (!(value instanceof Value.Child child)) {
                continue;
            }
            Node enumValue = child.node();
            String name = enumValue.name().orElse("?");
            if (!names.add(name)) {
                problems.add(node.location, "the enum value name '" + name + "' is used twice");
            }
            Optional<JsonNode> literal = enumValue
                    .first("enumValue")
                    .filter(Value.Literal.class::isInstance)
                    .map(v -> ((Value.Literal) v).value());
            if (literal.isEmpty() || valueSchema.isEmpty()) {
                continue;
            }
            boolean fits = valueSchema.get().equals("string")
                    ? literal.get().isTextual()
                    : literal.get().isIntegralNumber() && literal.get().canConvertToInt();
            if (!fits) {
                problems.add(
                        enumValue.location,
                        "'enumValue' " + literal.get() + " is not of the Enum's valueSchema " + valueSchema.get());
            } else {
                String previous = values.put(literal.get().toString(), name);
                if (previous != null) {
                    problems.add(
                            node.location,
                            "enum values '" + previous + "' and '" + name + "' have the same" + " enumValue "
                                    + literal.get() + "; each value must be unique");
                }
            }
        }
    }

    private void mapKey(Node node) {
        boolean string = node.first("schema")
                .filter(Value.Instance.class::isInstance)
                .map(v -> ((Value.Instance) v).term())
                .filter("string"::equals)
                .isPresent();
        if (node.first("schema").isPresent() && !string) {
            problems.add(node.location, "a Map's key schema must be string");
        }
    }

    private void commandType(Node node) {
        for (Value value : node.all("commandType")) {
            if (value instanceof Value.Instance term
                    && !term.term().equals("synchronous")
                    && !term.term().equals("asynchronous")) {
                problems.add(node.location, "'commandType' must be synchronous or asynchronous, found " + term.term());
            }
        }
    }

    private void semanticTypes(Node node) {
        for (AdjunctType adjunct : node.adjunctTypes) {
            if (!adjunct.isSemanticType() || !adjunct.appliesTo().contains(node.kind)) {
                continue;
            }
            Set<String> units = adjunct.semanticTypes().units(adjunct.term());
            for (Value value : node.all("unit")) {
                if (value instanceof Value.Instance unit && !units.contains(unit.term())) {
                    problems.add(
                            node.location,
                            "'unit' " + unit.term() + " is not a unit of "
                                    + adjunct.semanticTypes().unitType(adjunct.term()) + ", which the semantic type "
                                    + adjunct.term() + " needs; use one of "
                                    + units.stream().sorted().toList());
                }
            }
            Optional<Value> schema = node.first("schema");
            boolean numeric = schema.filter(Value.Instance.class::isInstance)
                    .flatMap(v -> PrimitiveSchema.fromTerm(((Value.Instance) v).term()))
                    .filter(PrimitiveSchema::isNumeric)
                    .isPresent();
            if (schema.isPresent() && !numeric) {
                problems.add(
                        node.location,
                        "has the semantic type " + adjunct.term()
                                + ", so its schema must be double, float, integer or long");
            }
        }
    }

    private void indexed(Node node) {
        if (node.coTypes.contains("Indexed")) {
            integer(node, "index")
                    .filter(i -> i < 1)
                    .ifPresent(i -> problems.add(node.location, "'index' is " + i + "; it must be at least 1"));
        }
    }

    private void annotations(Node node) {
        Set<String> names = new HashSet<>();
        List<Value> contents = node.all("contents");
        contents.forEach(v -> {
            if (v instanceof Value.Child child) {
                child.node().name().ifPresent(names::add);
            }
        });
        for (Value value : contents) {
            if (value instanceof Value.Child child && child.node().coTypes.contains("ValueAnnotation")) {
                child.node()
                        .text("annotates")
                        .filter(target -> !names.contains(target))
                        .ifPresent(target -> problems.add(
                                child.node().location,
                                "'annotates' names '" + target + "', which is not a content of"
                                        + " the same interface"));
            }
        }
    }
}
