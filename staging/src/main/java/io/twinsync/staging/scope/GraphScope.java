package io.twinsync.staging.scope;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which twins and relationships of the graph a batch's mapping covers, written by transform as {@code scope.json}
 * ({@link io.twinsync.staging.BatchLayout#SCOPE}). A full compare reads these from the graph and makes them what the
 * batch says: twins of the mapped models that no row produces are extra, and so are relationships of an owned name
 * from a mapped twin that its file does not list.
 *
 * @param entities one entry per mapping entity, in mapping order
 */
public record GraphScope(List<EntityScope> entities) {

    public GraphScope {
        entities = List.copyOf(entities);
    }

    /** The models of the mapped twins, without repeats. */
    public Set<String> models() {
        Set<String> models = new LinkedHashSet<>();
        entities.forEach(e -> models.add(e.model()));
        return models;
    }

    /** Every relationship name an entity maps, without repeats. */
    public Set<String> relationshipNames() {
        Set<String> names = new LinkedHashSet<>();
        entities.forEach(e -> names.addAll(e.relationships()));
        return names;
    }

    /** The entities whose twins have {@code model}. */
    public List<EntityScope> entitiesOf(String model) {
        return entities.stream().filter(e -> e.model().equals(model)).toList();
    }
}
