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
 */
public record RelationshipSpec(String name, IdTemplate target, IdTemplate id, List<PropertySpec> properties) {

    public RelationshipSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        properties = List.copyOf(properties);
    }

    /** The explicit id template, when the mapping gives one. */
    public Optional<IdTemplate> explicitId() {
        return Optional.ofNullable(id);
    }
}
