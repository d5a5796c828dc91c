package io.twinsync.emulator.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The uploaded interfaces, with lookups that follow {@code extends}: a twin of a model may hold the properties,
 * relationships and components of the model and of everything it extends. Not thread-safe by itself; the store
 * reads it under its lock.
 */
public final class ModelCatalog {

    private final Map<String, DtdlInterface> interfaces;

    public ModelCatalog(Map<String, DtdlInterface> interfaces) {
        this.interfaces = interfaces;
    }

    public Optional<DtdlInterface> find(String modelId) {
        return Optional.ofNullable(interfaces.get(modelId));
    }

    /** The model and every interface it extends, nearest first, each once. */
    public List<DtdlInterface> lineage(String modelId) {
        List<DtdlInterface> lineage = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(modelId));
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

    /** True when {@code modelId} is {@code baseId} or extends it, directly or not. */
    public boolean isA(String modelId, String baseId) {
        return lineage(modelId).stream().anyMatch(i -> i.id().equals(baseId));
    }

    public Optional<DtdlProperty> property(String modelId, String name) {
        return lineage(modelId).stream()
                .map(i -> i.properties().get(name))
                .filter(p -> p != null)
                .findFirst();
    }

    public Optional<DtdlRelationship> relationship(String modelId, String name) {
        return lineage(modelId).stream()
                .map(i -> i.relationships().get(name))
                .filter(r -> r != null)
                .findFirst();
    }

    /** All components of the model and its ancestors, by name. */
    public Map<String, DtdlComponent> components(String modelId) {
        Map<String, DtdlComponent> components = new LinkedHashMap<>();
        for (DtdlInterface i : lineage(modelId)) {
            i.components().forEach(components::putIfAbsent);
        }
        return components;
    }

    /** The relationship names a model offers, for error messages. */
    public Set<String> relationshipNames(String modelId) {
        Set<String> names = new LinkedHashSet<>();
        lineage(modelId).forEach(i -> names.addAll(i.relationships().keySet()));
        return names;
    }

    /** A schema declared with an {@code @id} in any uploaded interface. */
    public Optional<Schema> namedSchema(String id) {
        return interfaces.values().stream()
                .map(i -> i.namedSchemas().get(id))
                .filter(s -> s != null)
                .findFirst();
    }

    /** The interfaces a model needs, transitively: what it extends, its components and relationship targets. */
    public Set<String> dependencies(String modelId) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(modelId));
        while (!pending.isEmpty()) {
            DtdlInterface found = interfaces.get(pending.removeFirst());
            if (found != null) {
                for (String reference : found.interfaceReferences()) {
                    if (seen.add(reference)) {
                        pending.add(reference);
                    }
                }
            }
        }
        return seen;
    }
}
