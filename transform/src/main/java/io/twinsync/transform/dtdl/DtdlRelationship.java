package io.twinsync.transform.dtdl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Relationship of an interface.
 *
 * @param target the target interface's {@code @id}, or null when any interface may be the target
 * @param properties the relationship's own properties by name, in declaration order
 * @param declaredIn the {@code @id} of the interface that declares it
 */
public record DtdlRelationship(String name, String target, Map<String, DtdlProperty> properties, String declaredIn) {

    public DtdlRelationship {
        Objects.requireNonNull(name, "name");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
