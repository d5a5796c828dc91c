package io.twinsync.extract.copied;

import java.util.List;
import java.util.Objects;

/**
 * One entity to stage from copied rows: its name (the file {@code {name}.json}, and the staged {@code
 * rows/{name}.ndjson}), its key columns, and the columns its mapping reads. A copied file carries no column types,
 * so the staged columns are the file's fields (typed from their values, see {@link CopiedValueKind}) and any mapped
 * column the file never has, staged as text that is always null (a JSON sink may leave a null field out).
 *
 * @param name the entity's name
 * @param keyColumns the columns that identify a row; a line without one of them is set aside
 * @param mappedColumns every column the mapping reads, key columns included
 * @param watermarkColumn the column whose largest value is kept for incremental copies, as a JDBC read keeps it, or
 *     null
 */
public record CopiedEntity(String name, List<String> keyColumns, List<String> mappedColumns, String watermarkColumn) {

    /** An entity without a watermark column. */
    public CopiedEntity(String name, List<String> keyColumns, List<String> mappedColumns) {
        this(name, keyColumns, mappedColumns, null);
    }

    public CopiedEntity {
        Objects.requireNonNull(name, "name");
        keyColumns = List.copyOf(keyColumns);
        mappedColumns = List.copyOf(mappedColumns);
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException("Entity " + name + " has no key columns");
        }
    }
}
