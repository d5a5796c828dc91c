package io.twinsync.staging.rows;

import java.util.Objects;

/** A staged column: its name as the source query labels it, and its type. */
public record StagedColumn(String name, ValueType type) {

    public StagedColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
