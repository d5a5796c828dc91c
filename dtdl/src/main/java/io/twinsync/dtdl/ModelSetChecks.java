package io.twinsync.dtdl;

import io.twinsync.dtdl.Node.Value;
import io.twinsync.dtdl.model.DtdlVersion;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rules that need the whole set of models: identifiers defined once, references that resolve to an element of the
 * right class, and the limits of the {@code extends}, component and schema hierarchies (DTDL v3 spec: "max depth of 10
 * levels", "max 1024 Interfaces in hierarchy", "may not contain nested Component", "max depth of 5 levels", complex
 * schemas "recursive but not self-referential"; contents names unique including inherited ones).
 */
final class ModelSetChecks {

    static final int MAX_EXTENDS_DEPTH = 10;
    static final int MAX_EXTENDS_HIERARCHY = 1024;
    static final int MAX_SCHEMA_DEPTH = 5;
    static final int V2_MAX_CONTENTS = 300;
    static final int V3_MAX_ELEMENTS = 100_000;

    private final Problems problems;
    private final Map<String, Node> index;
    private final DtdlReadOptions options;
    private final Map<String, Set<String>> unresolved = new TreeMap<>();
    /** Interfaces no {@code extends} cycle reaches, found once per check (Kahn's algorithm). */
    private Set<Node> acyclic = Set.of();
    /** Each interface's {@code extends} depth, capped one past the limit; shared so each is computed once. */
    private final Map<Node, Integer> depths = new HashMap<>();

    /**
     * @param index every element by identifier, of the models already read and of the new ones
     */
    ModelSetChecks(Problems problems, Map<String, Node> index, DtdlReadOptions options) {
        this.problems = problems;
        this.index = index;
        this.options = options;
    }

    /**
     * Adds the new elements to the index; an identifier defined twice (in the new documents, or already among the
     * models read before) is reported once per extra definition.
     */
    static void indexNew(List<Node> nodes, Map<String, Node> index, Problems problems) {
        for (Node node : nodes) {
            if (node.id == null) {
                continue;
            }
            Node earlier = index.putIfAbsent(node.id, node);
            // two generated ids clash only when two contents share a name, which the element's own rules report
            if (earlier != null && earlier != node && (node.explicitId || earlier.explicitId)) {
                String where = earlier.location.source().equals(node.location.source())
                        ? ""
                        : " (first in " + earlier.location.source() + ")";
                problems.add(
                        node.location,
                        (node.explicitId ? "@id " : "the identifier ") + node.id + " is defined twice" + where
                                + "; each element's @id must be unique");
            }
        }
    }

    /** Identifiers referred to but defined nowhere, with the interfaces that refer to them. */
    Map<String, Set<String>> unresolved() {
        return unresolved;
    }

    void check(List<Node> nodes) {
        for (Node node : nodes) {
            resolveReferences(node);
        }
        acyclic = acyclicInterfaces(nodes);
        for (Node node : nodes) {
            if (options.azureDigitalTwins()) {
                serviceRestrictions(node);
            }
            switch (node.kind) {
                case INTERFACE -> checkInterface(node);
                case COMPONENT -> checkComponent(node);
                default -> {}
            }
            if (isSchemaRoot(node)) {
                checkSchema(node);
            }
        }
    }

    /** What Azure Digital Twins refuses although the language allows it (Microsoft's docs, concepts-models). */
    private void serviceRestrictions(Node node) {
        if (node.kind == ElementKind.COMMAND) {
            problems.add(
                    node.location,
                    "is a Command; Azure Digital Twins does not accept Commands in models (\"DTDL"
                            + " for Azure Digital Twins must not define any commands\"): remove it");
        }
        if (node.kind == ElementKind.INTERFACE && node.parent != null) {
            problems.add(
                    node.location,
                    "is an Interface written inline; Azure Digital Twins needs every interface as"
                            + " a document of its own: move it out and refer to it by its @id");
        }
    }

    private void resolveReferences(Node node) {
        Map<String, Slot> slots = Metamodel.of(node.version).slots(node.kind);
        node.values.forEach((term, values) -> {
            for (Value value : values) {
                if (!(value instanceof Value.Reference reference)) {
                    continue;
                }
                Node target = index.get(reference.id());
                Slot slot = slots.get(term);
                if (target == null) {
                    unresolved
                            .computeIfAbsent(reference.id(), id -> new TreeSet<>())
                            .add(node.owningInterface().id);
                    problems.add(node.location.missingReference(
                            "'" + term + "' refers to " + reference.id()
                                    + ", which none of the models defines; add the model that defines it",
                            reference.id()));
                } else if (!target.referenceable && target.document() != node.document()) {
                    problems.add(
                            node.location,
                            "'" + term + "' refers to " + reference.id() + ", a "
                                    + target.kind.term()
                                    + " inside another element; only an Interface, or a schema in an"
                                    + " Interface's 'schemas', can be referred to by its @id");
                } else if (slot != null && !slot.kinds().contains(target.kind)) {
                    problems.add(
                            node.location,
                            "'" + term + "' refers to " + reference.id() + ", which is a " + target.kind.term()
                                    + "; it must be " + TypeReader.terms(slot.kinds()));
                } else if (target.kind.isComplexSchema() && target.owningInterface() != node.owningInterface()) {
                    problems.add(
                            node.location,
                            "'" + term + "' refers to the schema " + reference.id() + " of "
                                    + target.owningInterface().id
                                    + "; an interface can reuse only the schemas it declares"
                                    + " itself (DTDL: not those of an interface it extends); copy the schema into this"
                                    + " interface's 'schemas'");
                } else if (slot != null && !DocumentParser.acceptsVersion(node.version, target.version, slot)) {
                    problems.add(
                            node.location,
                            "'" + term + "' refers to " + reference.id() + ", a DTDL v"
                                    + target.version.number() + " element, which a DTDL v" + node.version.number() + " "
                                    + node.kind.term() + " cannot use there");
                }
            }
        });
    }

    List<Node> elements(Node node, String term) {
        List<Node> found = new ArrayList<>();
        for (Value value : node.all(term)) {
            Node element = value.element(index);
            if (element != null) {
                found.add(element);
            }
        }
        return found;
    }

    private void checkInterface(Node node) {
        List<String> cycle = acyclic.contains(node) ? null : extendsCycle(node);
        if (cycle != null) {
            problems.add(
                    node.location,
                    "extends itself through " + String.join(" -> ", cycle) + "; extends must not form a cycle");
            return;
        }
        if (extendsDepth(node) > MAX_EXTENDS_DEPTH) {
            problems.add(
                    node.location,
                    "has an extends hierarchy more than " + MAX_EXTENDS_DEPTH + " levels deep; DTDL allows at most "
                            + MAX_EXTENDS_DEPTH);
            // the rest walks the whole hierarchy, which may be any size here: the interface is refused already
            return;
        }
        Set<Node> lineage = lineage(node);
        if (node.version == DtdlVersion.V3 && lineage.size() - 1 > MAX_EXTENDS_HIERARCHY) {
            problems.add(
                    node.location,
                    "extends " + (lineage.size() - 1) + " interfaces in all; DTDL v3 allows at" + " most "
                            + MAX_EXTENDS_HIERARCHY);
        }
        Map<String, Node> declaredBy = new LinkedHashMap<>();
        int contents = 0;
        for (Node each : lineage) {
            for (Node content : elements(each, "contents")) {
                contents++;
                String name = content.name().orElse(null);
                if (name == null) {
                    continue;
                }
                Node earlier = declaredBy.putIfAbsent(name, each);
                if (earlier != null && earlier != each) {
                    problems.add(
                            node.location,
                            "the content '" + name + "' is declared by both " + earlier.id + " and " + each.id
                                    + " in its extends hierarchy; content names must be unique");
                }
            }
        }
        if (node.version == DtdlVersion.V2 && contents > V2_MAX_CONTENTS) {
            problems.add(
                    node.location,
                    "has " + contents + " contents including inherited ones; DTDL v2 allows at" + " most "
                            + V2_MAX_CONTENTS);
        }
        if (node.version == DtdlVersion.V3 && contents > V3_MAX_ELEMENTS) {
            problems.add(
                    node.location,
                    "has " + contents + " contents including inherited ones; DTDL v3 allows at" + " most "
                            + V3_MAX_ELEMENTS + " elements");
        }
    }

    /**
     * The new interfaces that neither lie on an {@code extends} cycle nor extend one: repeatedly takes the interfaces
     * whose parents are all taken (interfaces read before are taken from the start). What is left needs the
     * path-finding of {@link #extendsCycle}, which is costly on long chains.
     */
    private Set<Node> acyclicInterfaces(List<Node> nodes) {
        Set<Node> fresh = new HashSet<>();
        for (Node node : nodes) {
            if (node.kind == ElementKind.INTERFACE) {
                fresh.add(node);
            }
        }
        Map<Node, Integer> waitingFor = new HashMap<>();
        Map<Node, List<Node>> children = new HashMap<>();
        Deque<Node> ready = new ArrayDeque<>();
        for (Node node : fresh) {
            int waiting = 0;
            for (Node parent : elements(node, "extends")) {
                if (fresh.contains(parent)) {
                    waiting++;
                    children.computeIfAbsent(parent, k -> new ArrayList<>()).add(node);
                }
            }
            waitingFor.put(node, waiting);
            if (waiting == 0) {
                ready.add(node);
            }
        }
        Set<Node> taken = new HashSet<>();
        while (!ready.isEmpty()) {
            Node node = ready.removeFirst();
            taken.add(node);
            for (Node child : children.getOrDefault(node, List.of())) {
                if (waitingFor.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        return taken;
    }

    /**
     * The shortest path from {@code start} back to itself through {@code extends}, or null when there is none. Breadth
     * first with an explicit queue, so that a chain of thousands (refused, but read) cannot overflow the stack.
     */
    private List<String> extendsCycle(Node start) {
        Map<Node, Node> reachedFrom = new HashMap<>();
        Deque<Node> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            Node node = queue.removeFirst();
            for (Node parent : elements(node, "extends")) {
                if (parent == start) {
                    List<String> cycle = new ArrayList<>(List.of(start.id));
                    for (Node step = node; step != null && step != start; step = reachedFrom.get(step)) {
                        cycle.add(1, step.id);
                    }
                    cycle.add(start.id);
                    return cycle;
                }
                if (!reachedFrom.containsKey(parent)) {
                    reachedFrom.put(parent, node);
                    queue.addLast(parent);
                }
            }
        }
        return null;
    }

    /**
     * How many levels of {@code extends} lie above an interface (its longest chain), counted no higher than one past
     * the limit. Depth first with an explicit stack, each interface once.
     */
    private int extendsDepth(Node start) {
        Map<Node, Integer> depth = depths;
        if (depth.containsKey(start)) {
            return depth.get(start);
        }
        Deque<Node> path = new ArrayDeque<>();
        Deque<Iterator<Node>> pending = new ArrayDeque<>();
        Set<Node> onPath = new HashSet<>();
        path.push(start);
        onPath.add(start);
        pending.push(elements(start, "extends").iterator());
        while (!pending.isEmpty()) {
            Iterator<Node> next = pending.peek();
            if (next.hasNext()) {
                Node parent = next.next();
                if (!depth.containsKey(parent) && onPath.add(parent)) {
                    path.push(parent);
                    pending.push(elements(parent, "extends").iterator());
                }
            } else {
                pending.pop();
                Node done = path.pop();
                onPath.remove(done);
                int levels = 0;
                for (Node parent : elements(done, "extends")) {
                    levels = Math.max(levels, 1 + depth.getOrDefault(parent, 0));
                }
                depth.put(done, Math.min(levels, MAX_EXTENDS_DEPTH + 1));
            }
        }
        return depth.get(start);
    }

    /** The interface and everything it extends, each once, nearest first. */
    Set<Node> lineage(Node node) {
        Set<Node> seen = new LinkedHashSet<>();
        Deque<Node> pending = new ArrayDeque<>(List.of(node));
        while (!pending.isEmpty()) {
            Node next = pending.removeFirst();
            if (seen.add(next)) {
                pending.addAll(elements(next, "extends"));
            }
        }
        return seen;
    }

    private void checkComponent(Node component) {
        for (Node schema : elements(component, "schema")) {
            if (schema.kind != ElementKind.INTERFACE) {
                continue;
            }
            for (Node each : lineage(schema)) {
                for (Node content : elements(each, "contents")) {
                    if (content.kind == ElementKind.COMPONENT) {
                        problems.add(
                                component.location,
                                "uses " + schema.id + " as its schema, which (through "
                                        + each.id + ") has the component '"
                                        + content.name().orElse("?")
                                        + "'; a component's interface may not contain components");
                        return;
                    }
                }
            }
        }
    }

    /**
     * Where a schema hierarchy starts: the schema of a content or command payload, or a complex schema declared in an
     * Interface's {@code schemas} (which must be well formed even when nothing uses it).
     */
    private static boolean isSchemaRoot(Node node) {
        return switch (node.kind) {
            case PROPERTY, TELEMETRY, COMMAND_PAYLOAD, COMMAND_REQUEST, COMMAND_RESPONSE -> true;
            default -> node.kind.isComplexSchema() && node.referenceable;
        };
    }

    /**
     * Walks a schema through references: a complex schema must not contain itself, complex schemas nest at most
     * {@value #MAX_SCHEMA_DEPTH} deep, and a DTDL v2 Property's schema holds no Array.
     */
    private void checkSchema(Node root) {
        if (root.kind.isComplexSchema()) {
            walkSchema(root, root, new ArrayList<>());
            return;
        }
        for (Node schema : elements(root, "schema")) {
            walkSchema(root, schema, new ArrayList<>());
        }
    }

    private boolean walkSchema(Node holder, Node schema, List<Node> path) {
        if (!schema.kind.isComplexSchema()) {
            return true;
        }
        if (path.contains(schema)) {
            problems.add(
                    holder.location,
                    "its schema " + schema.id + " contains itself; DTDL schemas may nest but not"
                            + " refer to themselves");
            return false;
        }
        path.add(schema);
        if (path.size() > MAX_SCHEMA_DEPTH) {
            problems.add(
                    holder.location,
                    "nests complex schemas " + path.size() + " deep; DTDL allows at most " + MAX_SCHEMA_DEPTH);
            return false;
        }
        if (holder.version == DtdlVersion.V2
                && holder.kind == ElementKind.PROPERTY
                && schema.kind == ElementKind.ARRAY) {
            problems.add(
                    holder.location,
                    "has an Array in its schema; DTDL v2 allows no Array in a Property (DTDL v3"
                            + " does: use \"dtmi:dtdl:context;3\")");
            return false;
        }
        for (Node inner : innerSchemas(schema)) {
            if (!walkSchema(holder, inner, path)) {
                return false;
            }
        }
        path.remove(path.size() - 1);
        return true;
    }

    private List<Node> innerSchemas(Node schema) {
        List<Node> inner = new ArrayList<>();
        switch (schema.kind) {
            case ARRAY -> inner.addAll(elements(schema, "elementSchema"));
            case MAP -> elements(schema, "mapValue").forEach(v -> inner.addAll(elements(v, "schema")));
            case OBJECT -> elements(schema, "fields").forEach(f -> inner.addAll(elements(f, "schema")));
            default -> {}
        }
        return inner;
    }

    /** Identifiers of the other documents a document depends on (extends, components, schemas it refers to). */
    static Set<String> documentDependencies(Node document, List<Node> documentNodes, Map<String, Node> index) {
        Set<String> dependencies = new LinkedHashSet<>();
        Set<Node> own = new HashSet<>(documentNodes);
        for (Node node : documentNodes) {
            for (List<Value> values : node.values.values()) {
                for (Value value : values) {
                    if (value instanceof Value.Reference reference) {
                        Node target = index.get(reference.id());
                        String id = target == null ? reference.id() : target.document().id;
                        if (target == null || !own.contains(target)) {
                            dependencies.add(id);
                        }
                    }
                }
            }
        }
        dependencies.remove(document.id);
        return dependencies;
    }
}
