package io.twinsync.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.dtdl.model.DtdlVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a model as read: its class, co-types, identifier, and its property values (inline elements,
 * references, instance terms, literals). The graph of nodes is what the set-wide checks walk and what the model
 * records are built from. Mutable only while its document is being read.
 */
final class Node {

    final ElementKind kind;
    final DtdlVersion version;
    final List<String> coTypes;
    final List<AdjunctType> adjunctTypes;
    final String id;
    final boolean explicitId;
    final Node parent;
    final Location location;
    final ObjectNode json;
    final Map<String, List<Value>> values = new LinkedHashMap<>();

    /** True when it is an Interface or a value of an Interface's {@code schemas}: other models may refer to it. */
    boolean referenceable;

    Node(
            ElementKind kind,
            DtdlVersion version,
            List<String> coTypes,
            List<AdjunctType> adjunctTypes,
            String id,
            boolean explicitId,
            Node parent,
            Location location,
            ObjectNode json) {
        this.kind = kind;
        this.version = version;
        this.coTypes = List.copyOf(coTypes);
        this.adjunctTypes = List.copyOf(adjunctTypes);
        this.id = id;
        this.explicitId = explicitId;
        this.parent = parent;
        this.location = location;
        this.json = json;
    }

    void add(String term, Value value) {
        values.computeIfAbsent(term, t -> new ArrayList<>()).add(value);
    }

    List<Value> all(String term) {
        return values.getOrDefault(term, List.of());
    }

    Optional<Value> first(String term) {
        List<Value> found = all(term);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    Optional<String> text(String term) {
        return first(term)
                .filter(Value.Literal.class::isInstance)
                .map(v -> ((Value.Literal) v).value().asText());
    }

    Optional<String> name() {
        return text("name");
    }

    /** The interface this element belongs to (itself for an interface). */
    Node owningInterface() {
        Node node = this;
        while (node.kind != ElementKind.INTERFACE && node.parent != null) {
            node = node.parent;
        }
        return node;
    }

    /** The outermost interface: the document this element is uploaded in. */
    Node document() {
        Node node = this;
        while (node.parent != null) {
            node = node.parent;
        }
        return node;
    }

    @Override
    public String toString() {
        return kind.term() + " " + id;
    }

    /** Where an element is: its file, its interface and a readable path inside the interface. */
    record Location(String source, String interfaceId, String element) {

        Location withInterface(String id) {
            return new Location(source, id, "");
        }

        Location child(String step) {
            return new Location(source, interfaceId, element.isEmpty() ? step : element + " > " + step);
        }

        DtdlProblem problem(String message) {
            return new DtdlProblem(source, interfaceId, element, message);
        }

        /** A problem that is only that {@code missing}, referred to here, is not among the documents read. */
        DtdlProblem missingReference(String message, String missing) {
            return new DtdlProblem(source, interfaceId, element, message, missing);
        }
    }

    /** A value of a property. */
    sealed interface Value {

        /** An element written inline. */
        record Child(Node node) implements Value {}

        /** A reference to an element by its DTMI, resolved when the whole set is read. */
        record Reference(String id, Location at) implements Value {}

        /** An instance the language defines, named by its term: a primitive schema, a unit, a command type. */
        record Instance(String term) implements Value {}

        /** A literal: a string, number or boolean (a localizable string is kept as a language map object). */
        record Literal(JsonNode value) implements Value {}

        /**
         * The element this value is: the one written inline, or the one a reference names in {@code index}; null for
         * an instance, a literal, or a reference to an element none of the documents defines.
         */
        default Node element(Map<String, Node> index) {
            if (this instanceof Child child) {
                return child.node();
            }
            if (this instanceof Reference reference) {
                return index.get(reference.id());
            }
            return null;
        }
    }
}
