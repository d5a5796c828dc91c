package io.twinsync.dtdl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.dtdl.model.DtdlComponent;
import io.twinsync.dtdl.model.DtdlContent;
import io.twinsync.dtdl.model.DtdlInterface;
import io.twinsync.dtdl.model.DtdlProperty;
import io.twinsync.dtdl.model.DtdlRelationship;
import io.twinsync.dtdl.model.DtdlSchema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A set of DTDL interfaces read by {@link DtdlReader}: what a twin of each model may hold (its own contents and what
 * it inherits through {@code extends}), what each model document needs from the others, and the order in which to
 * upload them. Immutable; {@link DtdlReader#read(List, ModelSet)} and {@link #without(String)} make new sets.
 *
 * <p>A <em>document</em> is an interface written on its own (the unit Azure Digital Twins uploads); an interface written
 * inline in another's {@code extends} or component {@code schema} belongs to that document.
 */
public final class ModelSet {

    private static final ModelSet EMPTY = new ModelSet(Map.of(), Map.of(), Map.of(), Map.of());

    private final Map<String, Node> index;
    private final Map<String, DtdlInterface> interfaces;
    private final Map<String, List<Node>> nodesByDocument;
    private final Map<String, Set<String>> unresolved;
    private final Map<String, Map<String, DtdlContent>> inherited = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> documentDependencies = new ConcurrentHashMap<>();
    /** Lazily built by {@link #reverseDependencies()}; never changed once set (a racing build makes an equal map). */
    private volatile Map<String, Set<String>> dependents;

    ModelSet(
            Map<String, Node> index,
            Map<String, DtdlInterface> interfaces,
            Map<String, List<Node>> nodesByDocument,
            Map<String, Set<String>> unresolved) {
        this.index = Collections.unmodifiableMap(index);
        this.interfaces = Collections.unmodifiableMap(interfaces);
        this.nodesByDocument = Collections.unmodifiableMap(nodesByDocument);
        this.unresolved = Collections.unmodifiableMap(unresolved);
    }

    public static ModelSet empty() {
        return EMPTY;
    }

    Map<String, Node> index() {
        return index;
    }

    Map<String, DtdlInterface> interfaceMap() {
        return interfaces;
    }

    Map<String, List<Node>> nodesByDocument() {
        return nodesByDocument;
    }

    Map<String, Set<String>> unresolvedMap() {
        return unresolved;
    }

    /** True when the set holds this interface (a document, or one written inline in a document). */
    public boolean contains(String interfaceId) {
        return interfaces.containsKey(interfaceId);
    }

    public Optional<DtdlInterface> find(String interfaceId) {
        return Optional.ofNullable(interfaces.get(interfaceId));
    }

    /** The documents' interface ids, in the order they were read. */
    public List<String> ids() {
        return List.copyOf(nodesByDocument.keySet());
    }

    /** How many documents the set holds. */
    public int size() {
        return nodesByDocument.size();
    }

    public boolean isEmpty() {
        return nodesByDocument.isEmpty();
    }

    /** Every interface, documents and inline ones, in the order read. */
    public Collection<DtdlInterface> interfaces() {
        return interfaces.values();
    }

    /** The interface and every interface it extends, directly or not, nearest first, each once. */
    public List<DtdlInterface> lineage(String interfaceId) {
        List<DtdlInterface> lineage = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(interfaceId));
        while (!pending.isEmpty()) {
            String id = pending.removeFirst();
            DtdlInterface found = interfaces.get(id);
            if (found != null && seen.add(id)) {
                lineage.add(found);
                pending.addAll(found.extendsIds());
            }
        }
        return lineage;
    }

    /** True when {@code interfaceId} is {@code baseId} or extends it, directly or not. */
    public boolean isA(String interfaceId, String baseId) {
        return lineage(interfaceId).stream().anyMatch(i -> i.id().equals(baseId));
    }

    /** Every content a twin of the model has, its own and inherited ones, by name. */
    public Map<String, DtdlContent> contents(String interfaceId) {
        return inherited.computeIfAbsent(interfaceId, id -> {
            Map<String, DtdlContent> all = new LinkedHashMap<>();
            lineage(id).forEach(i -> i.contents().forEach(all::putIfAbsent));
            return Collections.unmodifiableMap(all);
        });
    }

    public Optional<DtdlContent> content(String interfaceId, String name) {
        return Optional.ofNullable(contents(interfaceId).get(name));
    }

    public Optional<DtdlProperty> property(String interfaceId, String name) {
        return content(interfaceId, name).filter(DtdlProperty.class::isInstance).map(DtdlProperty.class::cast);
    }

    public Optional<DtdlRelationship> relationship(String interfaceId, String name) {
        return content(interfaceId, name)
                .filter(DtdlRelationship.class::isInstance)
                .map(DtdlRelationship.class::cast);
    }

    public Optional<DtdlComponent> component(String interfaceId, String name) {
        return content(interfaceId, name)
                .filter(DtdlComponent.class::isInstance)
                .map(DtdlComponent.class::cast);
    }

    public Map<String, DtdlProperty> properties(String interfaceId) {
        return ofKind(interfaceId, DtdlProperty.class);
    }

    public Map<String, DtdlRelationship> relationships(String interfaceId) {
        return ofKind(interfaceId, DtdlRelationship.class);
    }

    public Map<String, DtdlComponent> components(String interfaceId) {
        return ofKind(interfaceId, DtdlComponent.class);
    }

    /** Property names of the model, own and inherited, for messages. */
    public List<String> propertyNames(String interfaceId) {
        return List.copyOf(properties(interfaceId).keySet());
    }

    /** Relationship names of the model, own and inherited, for messages. */
    public List<String> relationshipNames(String interfaceId) {
        return List.copyOf(relationships(interfaceId).keySet());
    }

    private <T extends DtdlContent> Map<String, T> ofKind(String interfaceId, Class<T> kind) {
        Map<String, T> found = new LinkedHashMap<>();
        contents(interfaceId).forEach((name, content) -> {
            if (kind.isInstance(content)) {
                found.put(name, kind.cast(content));
            }
        });
        return found;
    }

    /** A complex schema declared with an {@code @id} (in an Interface's {@code schemas} or inline), resolved. */
    public Optional<DtdlSchema> schema(String schemaId) {
        Node node = index.get(schemaId);
        if (node == null || !node.kind.isComplexSchema()) {
            return Optional.empty();
        }
        return Optional.of(new ModelAssembler(index).schemaOf(node));
    }

    /**
     * Identifiers that elements refer to (in {@code extends}, a component's {@code schema}, or a schema) but no model
     * of the set defines, each with the interfaces that need it. Relationship targets are not references.
     */
    public Map<String, Set<String>> unresolvedReferences() {
        return unresolved;
    }

    /**
     * The documents a document needs uploaded first (or in the same request): those defining what it extends, its
     * components' interfaces and the schemas it refers to. Identifiers no document of the set defines are included
     * as they are.
     */
    public Set<String> dependencies(String documentId) {
        return documentDependencies.computeIfAbsent(documentId, id -> {
            List<Node> nodes = nodesByDocument.get(id);
            if (nodes == null) {
                return Set.of();
            }
            return Collections.unmodifiableSet(ModelSetChecks.documentDependencies(nodes.get(0), nodes, index));
        });
    }

    /** The documents that define these interfaces and everything they need, transitively. */
    public Set<String> closure(Collection<String> interfaceIds) {
        Set<String> closure = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        for (String id : interfaceIds) {
            pending.add(documentOf(id).orElse(id));
        }
        while (!pending.isEmpty()) {
            String id = pending.removeFirst();
            if (closure.add(id)) {
                pending.addAll(dependencies(id));
            }
        }
        return closure;
    }

    /** The document an interface belongs to: itself, or the document it is written inline in. */
    public Optional<String> documentOf(String interfaceId) {
        Node node = index.get(interfaceId);
        return node == null || node.kind != ElementKind.INTERFACE ? Optional.empty() : Optional.of(node.document().id);
    }

    /** The documents that need this one (it must not be deleted while they exist), in id order. */
    public Set<String> dependents(String documentId) {
        return new TreeSet<>(reverseDependencies().getOrDefault(documentId, Set.of()));
    }

    /** Each document's dependents, built once per set (a set made by {@link #without} inherits its own). */
    private Map<String, Set<String>> reverseDependencies() {
        Map<String, Set<String>> reverse = dependents;
        if (reverse == null) {
            reverse = new HashMap<>();
            for (String id : nodesByDocument.keySet()) {
                for (String dependency : dependencies(id)) {
                    if (!dependency.equals(id)) {
                        reverse.computeIfAbsent(dependency, k -> new HashSet<>())
                                .add(id);
                    }
                }
            }
            dependents = reverse;
        }
        return reverse;
    }

    /**
     * The documents, each after the documents it depends on, otherwise in the order read. Documents that depend on
     * each other (through schemas) stay next to each other so that one upload request can carry them together.
     */
    public List<String> dependencyOrder() {
        List<String> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String start : nodesByDocument.keySet()) {
            // depth-first, dependencies first, with an explicit stack: a chain of thousands must not overflow
            Deque<Iterator<String>> pending = new ArrayDeque<>();
            Deque<String> path = new ArrayDeque<>();
            if (placed.contains(start)) {
                continue;
            }
            visiting.add(start);
            path.push(start);
            pending.push(dependencies(start).iterator());
            while (!pending.isEmpty()) {
                Iterator<String> next = pending.peek();
                if (next.hasNext()) {
                    String dependency = next.next();
                    if (nodesByDocument.containsKey(dependency)
                            && !placed.contains(dependency)
                            && visiting.add(dependency)) {
                        path.push(dependency);
                        pending.push(dependencies(dependency).iterator());
                    }
                } else {
                    pending.pop();
                    String done = path.pop();
                    visiting.remove(done);
                    placed.add(done);
                    ordered.add(done);
                }
            }
        }
        return ordered;
    }

    /** Copies of the documents as written, in {@link #dependencyOrder()}. */
    public List<ObjectNode> documents() {
        return dependencyOrder().stream()
                .map(id -> interfaces.get(id).documentCopy())
                .toList();
    }

    /** A copy of one document as written. */
    public Optional<ObjectNode> document(String documentId) {
        return nodesByDocument.containsKey(documentId)
                ? Optional.of(interfaces.get(documentId).documentCopy())
                : Optional.empty();
    }

    /** Relationship targets that name an interface the set does not hold, with the interfaces that name them. */
    public Map<String, Set<String>> targetsOutside() {
        Map<String, Set<String>> outside = new TreeMap<>();
        for (DtdlInterface each : interfaces.values()) {
            each.contents(DtdlRelationship.class).values().forEach(r -> r.target()
                    .filter(t -> !interfaces.containsKey(t))
                    .ifPresent(t ->
                            outside.computeIfAbsent(t, k -> new TreeSet<>()).add(each.id())));
        }
        return outside;
    }

    /** This set without one document (and the interfaces written inline in it). */
    public ModelSet without(String documentId) {
        List<Node> removed = nodesByDocument.get(documentId);
        if (removed == null) {
            return this;
        }
        Set<Node> gone = new HashSet<>(removed);
        Map<String, Node> keptIndex = new HashMap<>();
        index.forEach((id, node) -> {
            if (!gone.contains(node)) {
                keptIndex.put(id, node);
            }
        });
        Map<String, DtdlInterface> keptInterfaces = new LinkedHashMap<>();
        interfaces.forEach((id, i) -> {
            if (keptIndex.containsKey(id)) {
                keptInterfaces.put(id, i);
            }
        });
        Map<String, List<Node>> keptDocuments = new LinkedHashMap<>(nodesByDocument);
        keptDocuments.remove(documentId);
        Set<String> removedInterfaces = new HashSet<>(interfaces.keySet());
        removedInterfaces.removeAll(keptInterfaces.keySet());
        Map<String, Set<String>> keptUnresolved = new TreeMap<>();
        unresolved.forEach((id, neededBy) -> {
            Set<String> still = new TreeSet<>(neededBy);
            still.removeAll(removedInterfaces);
            if (!still.isEmpty()) {
                keptUnresolved.put(id, still);
            }
        });
        ModelSet kept = new ModelSet(keptIndex, keptInterfaces, keptDocuments, keptUnresolved);
        // what a kept document depends on names documents by id, so it does not change when one goes
        documentDependencies.forEach((id, dependencies) -> {
            if (!id.equals(documentId)) {
                kept.documentDependencies.put(id, dependencies);
            }
        });
        Map<String, Set<String>> reverse = dependents;
        if (reverse != null) {
            // only the documents the removed one depended on lose a dependent; every other set is shared as it is
            Map<String, Set<String>> keptReverse = new HashMap<>(reverse);
            for (String dependency : dependencies(documentId)) {
                Set<String> of = keptReverse.get(dependency);
                if (of != null && of.contains(documentId)) {
                    Set<String> still = new HashSet<>(of);
                    still.remove(documentId);
                    if (still.isEmpty()) {
                        keptReverse.remove(dependency);
                    } else {
                        keptReverse.put(dependency, still);
                    }
                }
            }
            kept.dependents = keptReverse;
        }
        return kept;
    }
}
