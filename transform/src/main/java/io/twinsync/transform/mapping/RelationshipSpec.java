package io.twinsync.transform.mapping;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One outgoing relationship of each twin of an entity.
 *
 * @param name the relationship name in the twin's model
 * @param target the target twin id template; when one of its columns is NULL the row has no such relationship
 * @param id the relationship id template, or null for the default {@code {name}-{targetId}}
 * @param properties the relationship's mapped properties
 * @param removeStale true ({@code stale: remove}) when the twin's outgoing relationships of this name that the
 *     source no longer gives are to be removed; false ({@code stale: keep}, the default) leaves them
 */
public record RelationshipSpec(
        String name, IdTemplate target, IdTemplate id, List<PropertySpec> properties, boolean removeStale) {

    public RelationshipSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        properties = List.copyOf(properties);
    }

    /** A relationship whose stale instances are kept. */
    public RelationshipSpec(String name, IdTemplate target, IdTemplate id, List<PropertySpec> properties) {
        this(name, target, id, properties, false);
    }

    /** The explicit id template, when the mapping gives one. */
    public Optional<IdTemplate> explicitId() {
        return Optional.ofNullable(id);
    }
}
