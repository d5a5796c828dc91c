package io.twinsync.dtdl.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Property of an interface or of a relationship.
 *
 * @param semanticTypes co-types such as {@code Temperature} (with {@code unit}) or {@code Historized}
 * @param unit the unit a semantic type asks for, such as {@code degreeCelsius}
 */
public record DtdlProperty(
        String name,
        DtdlSchema schema,
        boolean writable,
        List<String> semanticTypes,
        Optional<String> unit,
        String declaredIn)
        implements DtdlContent {

    public DtdlProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        semanticTypes = List.copyOf(semanticTypes);
        Objects.requireNonNull(unit, "unit");
    }
}
