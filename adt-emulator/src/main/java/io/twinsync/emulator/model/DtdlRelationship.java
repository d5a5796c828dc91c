package io.twinsync.emulator.model;

import java.util.Map;
import java.util.Optional;

/**
 * A Relationship content.
 *
 * @param target the interface the target twin must be (or extend), empty when any twin may be the target
 * @param properties properties declared on the relationship, by name
 */
public record DtdlRelationship(String name, Optional<String> target, Map<String, DtdlProperty> properties) {
    public DtdlRelationship {
        properties = Map.copyOf(properties);
    }
}
