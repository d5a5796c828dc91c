package io.twinsync.emulator.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One parsed DTDL interface with its own contents only (not those it inherits; {@link ModelCatalog} resolves
 * {@code extends}).
 *
 * @param otherContentNames names of Telemetry and Command contents, which twins cannot hold as properties
 * @param namedSchemas schemas declared with an {@code @id} in this interface, by id
 * @param schemaReferences ids of named schemas this interface's properties refer to
 */
public record DtdlInterface(
        String id,
        int dtdlVersion,
        Map<String, String> displayName,
        Map<String, String> description,
        List<String> extendsIds,
        Map<String, DtdlProperty> properties,
        Map<String, DtdlRelationship> relationships,
        Map<String, DtdlComponent> components,
        Set<String> otherContentNames,
        Map<String, Schema> namedSchemas,
        Set<String> schemaReferences) {

    public DtdlInterface {
        displayName = Map.copyOf(displayName);
        description = Map.copyOf(description);
        extendsIds = List.copyOf(extendsIds);
        properties = Map.copyOf(properties);
        relationships = Map.copyOf(relationships);
        components = Map.copyOf(components);
        otherContentNames = Set.copyOf(otherContentNames);
        namedSchemas = Map.copyOf(namedSchemas);
        schemaReferences = Set.copyOf(schemaReferences);
    }

    /** Every content name this interface declares itself, of any kind. */
    public Set<String> ownContentNames() {
        java.util.Set<String> names = new java.util.HashSet<>(properties.keySet());
        names.addAll(relationships.keySet());
        names.addAll(components.keySet());
        names.addAll(otherContentNames);
        return names;
    }

    /** Interfaces this one needs to exist: what it extends, its component schemas and relationship targets. */
    public Set<String> interfaceReferences() {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(extendsIds);
        components.values().forEach(c -> ids.add(c.interfaceId()));
        relationships.values().forEach(r -> r.target().ifPresent(ids::add));
        return ids;
    }
}
