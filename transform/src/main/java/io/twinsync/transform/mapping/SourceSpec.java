package io.twinsync.transform.mapping;

import java.util.List;

/**
 * Where an entity's rows come from: a SQL query, or a whole table, and the columns that identify a row.
 *
 * @param query the SELECT that produces the rows, or null when {@code table} is given
 * @param table the table to read whole, or null when {@code query} is given
 * @param keyColumns the columns whose values identify a row in messages, rejects and twin files; never empty
 * @param watermark the column whose increasing values allow incremental reads, or null
 * @param changeTracking whether the table is read through SQL Server change tracking ({@code source.changeTracking}):
 *     its rows carry {@value #CHANGE_OPERATION_COLUMN}, and a {@code D} there makes the row a tombstone
 */
public record SourceSpec(
        String query, String table, List<String> keyColumns, String watermark, boolean changeTracking) {

    /** The staged column that change tracking reads add: I, U, D, or NULL for a whole read. */
    public static final String CHANGE_OPERATION_COLUMN = "SYS_CHANGE_OPERATION";

    /** A source read whole every batch. */
    public SourceSpec(String query, String table, List<String> keyColumns) {
        this(query, table, keyColumns, null);
    }

    /** A source read whole, or by watermark when {@code watermark} is not null. */
    public SourceSpec(String query, String table, List<String> keyColumns, String watermark) {
        this(query, table, keyColumns, watermark, false);
    }

    /** Whether a batch may read only the changed rows: by watermark or by change tracking. */
    public boolean incremental() {
        return watermark != null || changeTracking;
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
