package io.twinsync.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.dtdl.Node.Location;
import io.twinsync.dtdl.Node.Value;
import io.twinsync.dtdl.Slot.SlotType;
import io.twinsync.dtdl.model.DtdlVersion;
import io.twinsync.dtdl.model.PrimitiveSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the elements of one model document, checking everything that can be checked without the other documents:
 * keywords, contexts, types, identifiers, each property's form, count and limits, and the rules between an element's
 * own properties. References to other elements are recorded and resolved by {@link ModelSetChecks}.
 */
final class DocumentParser {

    /** The DTDL name rule: letters, digits and underscores, starting with a letter, ending with a letter or digit. */
    static final Pattern NAME = Pattern.compile("^[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?$");

    private static final Set<String> KEYWORDS = Set.of("@context", "@id", "@type");
    private static final Set<String> RESERVED_PREFIXES = Set.of("dtmi:dtdl:", "dtmi:standard:");

    private final DtdlReadOptions options;
    private final Problems problems;
    private final ContextReader contexts;
    private final TypeReader types;
    private final List<Node> nodes = new ArrayList<>();

    DocumentParser(DtdlReadOptions options, Problems problems) {
        this.options = options;
        this.problems = problems;
        this.contexts = new ContextReader(problems);
        this.types = new TypeReader(problems);
    }

    /** Every element read so far, in document order. */
    List<Node> nodes() {
        return nodes;
    }

    /** Reads a document's interfaces: one object, or an array of objects. */
    List<Node> read(String source, JsonNode document) {
        List<Node> interfaces = new ArrayList<>();
        List<JsonNode> roots = new ArrayList<>();
        if (document.isArray()) {
            document.forEach(roots::add);
        } else {
            roots.add(document);
        }
        for (int i = 0; i < roots.size(); i++) {
            JsonNode root = roots.get(i);
            String where = document.isArray() ? "[" + i + "]" : "";
            String interfaceId = root.path("@id").isTextual() ? root.get("@id").asText() : null;
            Location at = new Location(source, interfaceId, interfaceId == null ? where : "");
            if (!root.isObject()) {
                problems.add(
                        at,
                        "a model document must be a JSON object (an Interface) or an array of them; found "
                                + Literals.shown(root));
                continue;
            }
            Scope scope = contexts.read(root.get("@context"), null, options, at);
            if (scope == null) {
                continue;
            }
            checkSize(root, at);
            Node node = element((ObjectNode) root, scope, true, TOP, null, at);
            if (node != null) {
                interfaces.add(node);
            }
        }
        return interfaces;
    }

    /**
     * The largest interface document, in bytes of compact JSON: "The text of each Interface is limited to 1 MiByte"
     * (DTDL v3 spec, Interface), and Azure Digital Twins refuses a model over 1 MB (Microsoft's limits page).
     */
    static final int MAX_INTERFACE_BYTES = 1024 * 1024;

    private void checkSize(JsonNode root, Location at) {
        int bytes = root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_INTERFACE_BYTES) {
            problems.add(
                    at,
                    "is " + bytes + " bytes as compact JSON; an interface may be at most " + MAX_INTERFACE_BYTES
                            + " (1 MiB): split it, moving contents into interfaces it extends");
        }
    }

    /** The position of a document's outermost elements: only an Interface may be there. */
    private static final Slot TOP = Slot.elements("(document)", true, Set.of(ElementKind.INTERFACE), -1);

    private Node element(ObjectNode json, Scope inherited, boolean contextRead, Slot via, Node parent, Location at) {
        for (String key : (Iterable<String>) json::fieldNames) {
            // DTDL v2 tolerates other JSON-LD keywords in an element ("Recommendation-Class*InvalidKeywordsV2"); v3
            // refuses them ("Requirement-Class*InvalidKeywordsV3").
            if (key.startsWith("@")
                    && !KEYWORDS.contains(key)
                    && (inherited.version() != DtdlVersion.V2 || key.equals("@graph"))) {
                problems.add(at, "uses the JSON-LD keyword \"" + key + "\", which DTDL does not allow in an element");
                return null;
            }
        }
        Scope scope = contextRead ? inherited : contexts.read(json.get("@context"), inherited, options, at);
        if (scope == null) {
            return null;
        }
        if (parent != null && !acceptsVersion(parent.version, scope.version(), via)) {
            problems.add(
                    at,
                    "switches to DTDL v" + scope.version().number() + " inside a DTDL v" + parent.version.number()
                            + " element, which '" + via.term() + "' does not allow");
            return null;
        }
        TypeReader.Types type = types.read(json.get("@type"), scope, via.kinds(), at);
        if (type.kind() == null) {
            return null;
        }
        ElementKind kind = type.kind();
        String explicitId = explicitId(json.get("@id"), kind, scope.version(), at);
        if (explicitId == null && json.has("@id")) {
            return null;
        }
        if (explicitId == null && (kind == ElementKind.INTERFACE || via.term().equals("schemas"))) {
            problems.add(
                    at,
                    kind == ElementKind.INTERFACE
                            ? "an Interface needs an @id, a DTMI such as \"dtmi:com:example:Pump;1\""
                            : "an entry of 'schemas' needs an @id, so that schemas can refer to it");
            return null;
        }
        String name = json.path("name").isTextual() ? json.get("name").asText() : null;
        String id = explicitId != null ? explicitId : generatedId(parent, via, name);
        Location here = kind == ElementKind.INTERFACE && parent != null ? at.withInterface(id) : at;
        Node node = new Node(
                kind, scope.version(), type.coTypes(), type.adjunctTypes(), id, explicitId != null, parent, here, json);
        node.referenceable = kind == ElementKind.INTERFACE || via.term().equals("schemas");
        nodes.add(node);
        checkAdjunctTypes(node);
        readProperties(node, json, scope, type.undefinedCoTypes());
        new ElementRules(problems).check(node);
        return node;
    }

    /**
     * Whether an element of one DTDL version may hold, in this property, an element of another: a v3 element may hold
     * v2 contents, schemas, interfaces and relationship properties, but not v2 enum values, fields, map keys and
     * values, command payloads or reusable schemas; a v2 element holds no v3 element (spec cases
     * "Requirement-Class*Property*ElementV2" and "...ElementV3").
     */
    static boolean acceptsVersion(DtdlVersion parent, DtdlVersion child, Slot via) {
        if (parent == child) {
            return true;
        }
        if (parent == DtdlVersion.V2) {
            return false;
        }
        return switch (via.term()) {
            case "contents", "elementSchema", "extends", "properties", "schema" -> true;
            default -> false;
        };
    }

    private void checkAdjunctTypes(Node node) {
        for (AdjunctType adjunct : node.adjunctTypes) {
            if (!adjunct.appliesTo().contains(node.kind)) {
                problems.add(
                        node.location,
                        "the co-type " + adjunct.term() + " cannot apply to a " + node.kind.term() + "; it applies to "
                                + TypeReader.terms(adjunct.appliesTo()));
            }
            if (adjunct.requiresCoType() != null && !node.coTypes.contains(adjunct.requiresCoType())) {
                problems.add(
                        node.location,
                        "the co-type " + adjunct.term() + " needs the co-type " + adjunct.requiresCoType()
                                + " on the same element");
            }
        }
    }

    private String explicitId(JsonNode id, ElementKind kind, DtdlVersion version, Location at) {
        if (id == null) {
            return null;
        }
        if (!id.isTextual()) {
            problems.add(at, "@id must be a string (one DTMI), found " + Literals.shown(id));
            return null;
        }
        String text = id.asText();
        if (RESERVED_PREFIXES.stream().anyMatch(text::startsWith)) {
            problems.add(at, "@id " + text + " uses a prefix DTDL reserves (dtmi:dtdl:, dtmi:standard:)");
            return null;
        }
        if (!version.isUserDtmi(text)) {
            problems.add(
                    at,
                    "@id \"" + text + "\" is not a DTMI such as dtmi:com:example:Pump;1"
                            + (version == DtdlVersion.V2 ? " (DTDL v2 needs a version, ';1')" : ""));
            return null;
        }
        if (kind == ElementKind.INTERFACE && text.length() > version.maxInterfaceIdLength()) {
            problems.add(
                    at,
                    "@id " + text + " is " + text.length() + " characters long; an Interface's @id may have"
                            + " at most " + version.maxInterfaceIdLength());
            return null;
        }
        return text;
    }

    /**
     * The identifier DTDL assigns to an element without {@code @id} (v3 spec, "Automatic Identifier Assignment"): the
     * parent's DTMI with {@code _property} (and {@code __name} in a set) added before the version.
     */
    private static String generatedId(Node parent, Slot via, String name) {
        if (parent == null) {
            return null;
        }
        String base = parent.id;
        int semicolon = base.indexOf(';');
        String path = semicolon < 0 ? base : base.substring(0, semicolon);
        String version = semicolon < 0 ? "" : base.substring(semicolon);
        String added = ":_" + via.term() + (via.plural() ? ":__" + (name == null ? "" : name) : "");
        return path + added + version;
    }

    private void readProperties(Node node, ObjectNode json, Scope scope, boolean undefinedCoTypes) {
        Map<String, Slot> slots = scope.metamodel().slots(node.kind);
        Map<String, String> keyOfTerm = new HashMap<>();
        for (var entry : json.properties()) {
            String key = entry.getKey();
            if (key.startsWith("@")) {
                continue;
            }
            Optional<Slot> slot = slot(node, key, slots, scope);
            if (slot.isEmpty()) {
                if (!undefinedCoTypes || (node.version != DtdlVersion.V2 && !isTermOrDtmi(key))) {
                    problems.add(node.location, undefinedPropertyMessage(node, key, scope));
                }
                continue;
            }
            String term = slot.get().term();
            String earlier = keyOfTerm.put(term, key);
            if (earlier != null) {
                problems.add(
                        node.location, "gives '" + term + "' twice, as \"" + earlier + "\" and as \"" + key + "\"");
                continue;
            }
            readValues(node, slot.get(), entry.getValue(), scope);
        }
        for (Slot slot : slots.values()) {
            if (slot.required()
                    && (!keyOfTerm.containsKey(slot.term()) || isEmptyArray(json, keyOfTerm.get(slot.term())))) {
                problems.add(node.location, "has no '" + slot.term() + "', which a " + node.kind.term() + " needs");
            }
        }
        for (AdjunctType adjunct : node.adjunctTypes) {
            for (Slot slot : adjunct.requiredSlots()) {
                if (!keyOfTerm.containsKey(slot.term()) || isEmptyArray(json, keyOfTerm.get(slot.term()))) {
                    problems.add(
                            node.location,
                            "has no '" + slot.term() + "', which its co-type " + adjunct.term() + " needs");
                }
            }
        }
    }

    private static boolean isTermOrDtmi(String key) {
        return TypeReader.TERM.matcher(key).matches()
                || TypeReader.ANY_DTMI.matcher(key).matches();
    }

    private static boolean isEmptyArray(ObjectNode json, String key) {
        JsonNode value = json.get(key);
        return value != null && value.isArray() && value.isEmpty();
    }

    /** The property a key names: a class property by term or IRI, or a property a co-type of the element adds. */
    private static Optional<Slot> slot(Node node, String key, Map<String, Slot> slots, Scope scope) {
        Optional<String> core = scope.core().normalize(key);
        if (core.isPresent() && slots.containsKey(core.get())) {
            return Optional.of(slots.get(core.get()));
        }
        Optional<String> added = scope.extensionTerm(key);
        if (added.isEmpty() && node.version == DtdlVersion.V2) {
            added = core;
        }
        for (AdjunctType adjunct : node.adjunctTypes) {
            if (added.isPresent() && adjunct.slots().containsKey(added.get())) {
                return Optional.of(adjunct.slots().get(added.get()));
            }
        }
        return Optional.empty();
    }

    private static String undefinedPropertyMessage(Node node, String key, Scope scope) {
        if (key.startsWith("dtmi:") && !TypeReader.ANY_DTMI.matcher(key).matches()) {
            return "has the key \"" + key + "\", which is not a valid DTMI";
        }
        if (!key.startsWith("dtmi:") && key.contains(":")) {
            return "has the key \"" + key + "\", which is neither a DTDL term nor a DTMI";
        }
        if (scope.defines(key)) {
            return "has '" + key + "', which is not a property of a " + node.kind.term()
                    + (key.equals("unit") ? " without a semantic type" : "");
        }
        return "has '" + key + "', which is not a property of a " + node.kind.term()
                + "; a property DTDL does not define needs a co-type that allows it";
    }

    private void readValues(Node node, Slot slot, JsonNode value, Scope scope) {
        Location at = node.location;
        if (value.isNull()) {
            problems.add(at, "'" + slot.term() + "' is null; leave the property out instead");
            return;
        }
        if (slot.type() == SlotType.LANG_STRING) {
            ObjectNode texts = Literals.localizable(
                    value, slot.maxLength(), node.version == DtdlVersion.V2, at, slot.term(), problems);
            if (texts != null) {
                node.add(slot.term(), new Value.Literal(texts));
            }
            return;
        }
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        if (!slot.plural() && items.size() > 1) {
            problems.add(at, "'" + slot.term() + "' takes one value; found " + items.size());
            return;
        }
        if (slot.plural() && slot.maxCount() >= 0 && items.size() > slot.maxCount()) {
            problems.add(
                    at,
                    "'" + slot.term() + "' has " + items.size() + " values; DTDL v" + node.version.number()
                            + " allows at most " + slot.maxCount());
        }
        for (JsonNode item : items) {
            if (item.isNull()) {
                problems.add(at, "'" + slot.term() + "' holds null; leave it out instead");
                continue;
            }
            readValue(node, slot, item, scope);
        }
    }

    private void readValue(Node node, Slot slot, JsonNode item, Scope scope) {
        Location at = node.location;
        boolean lenient = node.version == DtdlVersion.V2;
        String term = slot.term();
        switch (slot.type()) {
            case STRING, NAME -> {
                JsonNode text = Literals.literal(item, Set.of(Literals.Datatype.STRING), lenient, at, term, problems);
                if (text != null && Literals.withinLength(text.asText(), slot.maxLength(), at, term, problems)) {
                    if (slot.type() == SlotType.NAME
                            && !NAME.matcher(text.asText()).matches()) {
                        problems.add(
                                at,
                                "'name' \"" + text.asText() + "\" is not a DTDL name: letters, digits and"
                                        + " '_', starting with a letter and not ending with '_'");
                    } else {
                        node.add(term, new Value.Literal(text));
                    }
                }
            }
            case BOOLEAN ->
                add(node, term, Literals.literal(item, Set.of(Literals.Datatype.BOOLEAN), lenient, at, term, problems));
            case INTEGER ->
                add(node, term, Literals.literal(item, Set.of(Literals.Datatype.INTEGER), lenient, at, term, problems));
            case LITERAL ->
                add(
                        node,
                        term,
                        Literals.literal(
                                item,
                                Set.of(Literals.Datatype.INTEGER, Literals.Datatype.STRING),
                                lenient,
                                at,
                                term,
                                problems));
            case DTMI -> {
                if (item.isTextual() && node.version.isUserDtmi(item.asText())) {
                    node.add(term, new Value.Literal(item));
                } else {
                    problems.add(
                            at,
                            "'" + term + "' must be a DTMI such as dtmi:com:example:Floor;1, found "
                                    + Literals.shown(item));
                }
            }
            case TERM, IRI -> {
                if (!item.isTextual()) {
                    problems.add(at, "'" + term + "' must be a term, found " + Literals.shown(item));
                    return;
                }
                String text = item.asText();
                String normalized = scope.extensionTerm(text)
                        .or(() -> scope.core().normalize(text))
                        .orElse(text);
                node.add(term, new Value.Instance(normalized));
            }
            case ELEMENT -> readElementValue(node, slot, item, scope);
            case LANG_STRING -> throw new IllegalStateException("read whole");
        }
    }

    private static void add(Node node, String term, JsonNode literal) {
        if (literal != null) {
            node.add(term, new Value.Literal(literal));
        }
    }

    private void readElementValue(Node node, Slot slot, JsonNode item, Scope scope) {
        if (item.isObject()) {
            String name = item.path("name").isTextual() ? item.get("name").asText() : null;
            Location at = node.location.child(step(slot, item, name));
            Node child = element((ObjectNode) item, scope, false, slot, node, at);
            if (child != null) {
                node.add(slot.term(), new Value.Child(child));
            }
            return;
        }
        if (!item.isTextual()) {
            problems.add(
                    node.location, "'" + slot.term() + "' must be an element or a DTMI, found " + Literals.shown(item));
            return;
        }
        String text = item.asText();
        Optional<PrimitiveSchema> primitive = scope.core()
                .normalize(text)
                .filter(t -> isSchemaInstance(scope, t))
                .flatMap(PrimitiveSchema::fromTerm);
        if (primitive.isPresent() && acceptsInstances(node, slot)) {
            node.add(slot.term(), new Value.Instance(primitive.get().term()));
            return;
        }
        if (!slot.kinds().isEmpty() && TypeReader.ANY_DTMI.matcher(text).matches() && !scope.defines(text)) {
            node.add(slot.term(), new Value.Reference(text, node.location.child(slot.term())));
            return;
        }
        problems.add(
                node.location,
                "'" + slot.term() + "' is \"" + text + "\", which is "
                        + (acceptsInstances(node, slot)
                                ? "neither a schema such as \"double\" nor a DTMI"
                                : "not a DTMI"));
    }

    private static boolean isSchemaInstance(Scope scope, String term) {
        return scope.core().isIn(term, "dtmi:dtdl:instance:Schema:")
                || scope.core().isIn(term, "dtmi:standard:schema:geospatial:");
    }

    /** True for the properties whose value may be a primitive or geospatial schema named by its term. */
    private static boolean acceptsInstances(Node node, Slot slot) {
        return switch (slot.term()) {
            case "schema" -> node.kind != ElementKind.COMPONENT;
            case "elementSchema", "valueSchema" -> true;
            default -> false;
        };
    }

    /** How a child element is named in messages. */
    private static String step(Slot slot, JsonNode item, String name) {
        String id = item.path("@id").asText(null);
        return switch (slot.term()) {
            case "contents" -> contentLabel(item) + (name == null ? "" : " '" + name + "'");
            case "properties" -> "property" + (name == null ? "" : " '" + name + "'");
            case "fields" -> "field" + (name == null ? "" : " '" + name + "'");
            case "enumValues" -> "enum value" + (name == null ? "" : " '" + name + "'");
            case "extends" -> "extends" + (id == null ? "" : " " + id);
            case "schemas" -> "schemas" + (id == null ? "" : " " + id);
            default -> slot.term();
        };
    }

    private static String contentLabel(JsonNode item) {
        JsonNode type = item.path("@type");
        String first = type.isArray() && !type.isEmpty() ? type.get(0).asText() : type.asText("content");
        int semicolon = first.indexOf(';');
        String term = (semicolon < 0 ? first : first.substring(0, semicolon));
        term = term.substring(term.lastIndexOf(':') + 1);
        return term.isEmpty() ? "content" : term.substring(0, 1).toLowerCase(Locale.ROOT) + term.substring(1);
    }
}
