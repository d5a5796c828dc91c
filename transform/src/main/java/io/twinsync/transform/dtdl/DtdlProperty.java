package io.twinsync.transform.dtdl;

import java.util.Objects;

/**
 * A Property of an interface or of a relationship.
 *
 * @param declaredIn the {@code @id} of the interface that declares it (differs from the twin's model when inherited)
 */
public record DtdlProperty(String name, DtdlSchema schema, String declaredIn) {

    public DtdlProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
    }
}
