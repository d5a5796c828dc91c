package io.twinsync.transform.mapping;

import java.util.List;

/**
 * Where an entity's rows come from: a SQL query, or a whole table, and the columns that identify a row.
 *
 * @param query the SELECT that produces the rows, or null when {@code table} is given
 * @param table the table to read whole, or null when {@code query} is given
 * @param keyColumns the columns whose values identify a row in messages, rejects and twin files; never empty
 */
public record SourceSpec(String query, String table, List<String> keyColumns, String watermark) {

    /** A source read whole every batch. */
    public SourceSpec(String query, String table, List<String> keyColumns) {
        this(query, table, keyColumns, null);
    }

    public SourceSpec {
        if ((query == null) == (table == null)) {
            throw new IllegalArgumentException("A source needs exactly one of query and table");
        }
        keyColumns = List.copyOf(keyColumns);
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException("A source needs at least one key column");
        }
    }
}
