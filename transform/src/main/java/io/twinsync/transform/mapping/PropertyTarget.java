package io.twinsync.transform.mapping;

import io.twinsync.dtdl.model.DtdlSchema;
import java.util.Objects;

/**
 * What a mapped property leads to in the model: a twin property path ({@code nameplate.serialNumber}) or a
 * relationship property name, with the schema of the value there.
 */
public record PropertyTarget(String path, DtdlSchema schema) {

    public PropertyTarget {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(schema, "schema");
    }
}
