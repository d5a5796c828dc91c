package io.twinsync.transform.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A set of DTDL interfaces, indexed by {@code @id}, that answers what a twin of a model may hold, including what it
 * inherits through {@code extends}. Immutable once read.
 */
public final class DtdlModels {

    private final Map<String, DtdlInterface> byId;
    private final List<String> dependencyOrder;

    private DtdlModels(Map<String, DtdlInterface> byId) {
        this.byId = Collections.unmodifiableMap(byId);
        this.dependencyOrder = List.copyOf(dependencyOrder(byId));
    }

    /**
     * Reads interfaces from model files. Every problem (a malformed interface, a duplicate {@code @id}, an
     * {@code extends} that names no known interface, a cycle) goes to {@code problems}; interfaces that could be
     * read are kept so that later checks can still run and report their own problems.
     */
    public static DtdlModels read(List<ModelSource> sources, Consumer<String> problems) {
        Map<String, DtdlInterface> byId = new LinkedHashMap<>();
        for (ModelSource source : sources) {
            DtdlInterfaceReader reader = new DtdlInterfaceReader(source.name(), problems);
            List<JsonNode> documents = new ArrayList<>();
            if (source.content().isArray()) {
                source.content().forEach(documents::add);
            } else {
                documents.add(source.content());
            }
            for (int i = 0; i < documents.size(); i++) {
                DtdlInterface read =
                        reader.read(documents.get(i), source.content().isArray() ? "[" + i + "]" : "");
                if (read == null) {
                    continue;
                }
                DtdlInterface earlier = byId.putIfAbsent(read.id(), read);
                if (earlier != null) {
                    problems.accept(source.name() + ": interface " + read.id() + " is defined again (first in "
                            + earlier.source() + "); each @id must be defined once");
                }
            }
        }
        checkReferences(byId, problems);
        return new DtdlModels(byId);
    }

    private static void checkReferences(Map<String, DtdlInterface> byId, Consumer<String> problems) {
        for (DtdlInterface model : byId.values()) {
            for (String parent : model.extendsIds()) {
                if (!byId.containsKey(parent)) {
                    problems.accept(model.source() + " (" + model.id() + "): extends " + parent
                            + ", which none of the model files defines; add its file to models");
                }
            }
            for (String schema : model.componentSchemas()) {
                if (!byId.containsKey(schema)) {
                    problems.accept(model.source() + " (" + model.id() + "): has a component of " + schema
                            + ", which none of the model files defines; add its file to models");
                }
            }
            if (extendsItself(model.id(), model.id(), byId, new HashSet<>())) {
                problems.accept(model.source() + " (" + model.id() + "): extends itself through "
                        + lineage(model.id(), byId) + "; extends must not form a cycle");
            }
        }
    }

    private static boolean extendsItself(
            String start, String current, Map<String, DtdlInterface> byId, Set<String> seen) {
        DtdlInterface model = byId.get(current);
        if (model == null || !seen.add(current)) {
            return false;
        }
        for (String parent : model.extendsIds()) {
            if (parent.equals(start) || extendsItself(start, parent, byId, seen)) {
                return true;
            }
        }
        return false;
    }

    public boolean contains(String modelId) {
        return byId.containsKey(modelId);
    }

    /** The interface ids, in the order the model files define them. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** A property of the model or of an interface it extends. */
    public Optional<DtdlProperty> property(String modelId, String name) {
        return find(modelId, m -> m.properties().get(name));
    }

    /** A relationship of the model or of an interface it extends. */
    public Optional<DtdlRelationship> relationship(String modelId, String name) {
        return find(modelId, m -> m.relationships().get(name));
    }

    /** The type (Telemetry, Command, Component) of a content that is neither a property nor a relationship. */
    public Optional<String> otherContentType(String modelId, String name) {
        return find(modelId, m -> m.otherContents().get(name));
    }

    /** The interface id of a component of the model or of an interface it extends. */
    public Optional<String> component(String modelId, String name) {
        return find(modelId, m -> m.components().get(name));
    }

    /** Every component of the model, own and inherited: name to the component's interface id. */
    public Map<String, String> components(String modelId) {
        Map<String, String> components = new LinkedHashMap<>();
        lineage(modelId, byId).forEach(id -> byId.get(id).components().forEach(components::putIfAbsent));
        return Collections.unmodifiableMap(components);
    }

    /** Every property name the model has, own and inherited, for messages. */
    public List<String> propertyNames(String modelId) {
        Set<String> names = new LinkedHashSet<>();
        lineage(modelId, byId)
                .forEach(id -> names.addAll(byId.get(id).properties().keySet()));
        return List.copyOf(names);
    }

    /** Every relationship name the model has, own and inherited, for messages. */
    public List<String> relationshipNames(String modelId) {
        Set<String> names = new LinkedHashSet<>();
        lineage(modelId, byId)
                .forEach(id -> names.addAll(byId.get(id).relationships().keySet()));
        return List.copyOf(names);
    }

    /**
     * Copies of the interface documents, each after the interfaces it extends or uses as a component, so that a
     * consumer uploading them in slices never sends an interface before its dependencies.
     */
    public List<ObjectNode> documents() {
        return dependencyOrder.stream()
                .map(id -> byId.get(id).document().deepCopy())
                .toList();
    }

    private <T> Optional<T> find(String modelId, Function<DtdlInterface, T> lookup) {
        for (String id : lineage(modelId, byId)) {
            T found = lookup.apply(byId.get(id));
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /** The model and every interface it extends, nearest first, each once (so a cycle cannot loop). */
    private static List<String> lineage(String modelId, Map<String, DtdlInterface> byId) {
        Set<String> seen = new LinkedHashSet<>();
        collect(modelId, byId, seen);
        return List.copyOf(seen);
    }

    private static void collect(String id, Map<String, DtdlInterface> byId, Set<String> seen) {
        DtdlInterface model = byId.get(id);
        if (model == null || !seen.add(id)) {
            return;
        }
        model.extendsIds().forEach(parent -> collect(parent, byId, seen));
    }

    private static List<String> dependencyOrder(Map<String, DtdlInterface> byId) {
        Set<String> ordered = new LinkedHashSet<>();
        Set<String> visiting = new HashSet<>();
        byId.keySet().forEach(id -> visit(id, byId, ordered, visiting));
        return new ArrayList<>(ordered);
    }

    private static void visit(String id, Map<String, DtdlInterface> byId, Set<String> ordered, Set<String> visiting) {
        DtdlInterface model = byId.get(id);
        if (model == null || ordered.contains(id) || !visiting.add(id)) {
            return;
        }
        model.extendsIds().forEach(parent -> visit(parent, byId, ordered, visiting));
        model.componentSchemas().forEach(schema -> visit(schema, byId, ordered, visiting));
        ordered.add(id);
    }
}
