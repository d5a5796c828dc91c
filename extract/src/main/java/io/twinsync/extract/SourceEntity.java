package io.twinsync.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One thing to extract: a name (which names the staged file {@code rows/{name}.ndjson}), where its rows come from
 * and the columns that identify a row.
 *
 * <p>The rows come from exactly one of {@code query} (any SELECT, used as written) or {@code table} (read as
 * {@code SELECT * FROM table}). A table name is validated here, letters, digits and underscores with an optional
 * {@code schema.} prefix, and quoted for the database when the query is built, so configuration can never inject
 * SQL through it.
 *
 * <p>An optional {@code watermarkColumn} (a rowversion, a timestamp or an increasing id in the result) makes reads
 * incremental: see {@link io.twinsync.extract.watermark}. It is validated as an identifier, like a table name's
 * parts, and quoted for the database when the query is built.
 *
 * <p>Instead, {@code changeTracking} reads a SQL Server table through change tracking ({@code CHANGETABLE(CHANGES
 * table, version)}), which also returns deleted rows (see extract's README, "Change tracking"). It
 * needs {@code table} (change tracking is per table) and key columns that are the table's primary key, and excludes a
 * watermark column.
 *
 * @param name the entity name: a letter, then letters, digits, {@code _} or {@code -}
 * @param query the SELECT to run, or null when {@code table} is given
 * @param table the table (or {@code schema.table}) to read whole, or null when {@code query} is given
 * @param keyColumns the columns that identify a row, at least one; they must be in the result
 * @param watermarkColumn the result column whose increasing values allow incremental reads, or null for full reads
 * @param changeTracking whether the table is read incrementally through SQL Server change tracking
 */
public record SourceEntity(
        String name,
        String query,
        String table,
        List<String> keyColumns,
        String watermarkColumn,
        boolean changeTracking) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,99}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    public SourceEntity {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Source entity name '" + name + "' is not usable: it names the staged"
                    + " file rows/{name}.ndjson, so use a letter followed by letters, digits, '_' or '-' (at most"
                    + " 100 characters)");
        }
        query = blankToNull(query);
        table = blankToNull(table);
        if ((query == null) == (table == null)) {
            throw new IllegalArgumentException("Source entity " + name + " needs exactly one of 'query' and 'table'"
                    + (query == null ? ", and has neither" : ", and has both") + "; set one of them");
        }
        if (table != null && !isTableName(table)) {
            throw new IllegalArgumentException("Source entity " + name + " has table '" + table
                    + "', which is not a plain table name; use letters, digits and '_' with an optional schema"
                    + " prefix (e.g. dbo.Equipment), or write a 'query' instead");
        }
        keyColumns = checkKeys(name, keyColumns);
        watermarkColumn = blankToNull(watermarkColumn);
        if (watermarkColumn != null && !IDENTIFIER.matcher(watermarkColumn).matches()) {
            throw new IllegalArgumentException("Source entity " + name + " has watermark column '" + watermarkColumn
                    + "', which is not a plain column name; use letters, digits and '_' (at most 128 characters),"
                    + " aliasing the column in the query if needed");
        }
        if (changeTracking && table == null) {
            throw new IllegalArgumentException(
                    "Source entity " + name + " uses change tracking, which reads a table"
                            + " (CHANGETABLE(CHANGES table, version)); give 'table' instead of 'query', or drop change tracking");
        }
        if (changeTracking && watermarkColumn != null) {
            throw new IllegalArgumentException("Source entity " + name + " has both change tracking and watermark"
                    + " column " + watermarkColumn + "; change tracking keeps its own version, so remove one of them");
        }
    }

    /** An entity read by watermark (or whole, with a null {@code watermarkColumn}). */
    public SourceEntity(String name, String query, String table, List<String> keyColumns, String watermarkColumn) {
        this(name, query, table, keyColumns, watermarkColumn, false);
    }

    /** An entity without a watermark: every batch reads it whole. */
    public SourceEntity(String name, String query, String table, List<String> keyColumns) {
        this(name, query, table, keyColumns, null);
    }

    /** An entity read with a query. */
    public static SourceEntity ofQuery(String name, String query, String... keyColumns) {
        return new SourceEntity(name, query, null, List.of(keyColumns));
    }

    /** An entity read as a whole table. */
    public static SourceEntity ofTable(String name, String table, String... keyColumns) {
        return new SourceEntity(name, null, table, List.of(keyColumns));
    }

    /**
     * This entity with a watermark column, so that a batch reads only rows whose {@code column} is greater than the
     * last committed batch's maximum (null or blank: full reads).
     */
    public SourceEntity withWatermark(String column) {
        return new SourceEntity(name, query, table, keyColumns, column, changeTracking);
    }

    /**
     * This entity read through SQL Server change tracking: after the first (whole) read, a batch reads only the rows
     * changed since the last committed batch's change tracking version, deleted rows included.
     */
    public SourceEntity withChangeTracking() {
        return new SourceEntity(name, query, table, keyColumns, watermarkColumn, true);
    }

    /** Whether the entity has a watermark column and so can be read incrementally. */
    public boolean hasWatermark() {
        return watermarkColumn != null;
    }

    /** Whether a batch may read the entity incrementally: by watermark column or by change tracking. */
    public boolean readsIncrementally() {
        return watermarkColumn != null || changeTracking;
    }

    /** Whether the entity reads a whole table rather than running a query. */
    public boolean readsTable() {
        return table != null;
    }

    private static boolean isTableName(String table) {
        String[] parts = table.split("\\.", -1);
        if (parts.length > 2) {
            return false;
        }
        for (String part : parts) {
            if (!IDENTIFIER.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> checkKeys(String name, List<String> keyColumns) {
        if (keyColumns == null || keyColumns.isEmpty()) {
            throw new IllegalArgumentException("Source entity " + name + " has no key columns; list the column(s)"
                    + " that identify a row, e.g. [EquipmentId]");
        }
        Set<String> seen = new HashSet<>();
        for (String key : keyColumns) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException(
                        "Source entity " + name + " has a blank key column in " + keyColumns + "; remove it");
            }
            if (!seen.add(key.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Source entity " + name + " lists key column " + key + " twice in "
                        + keyColumns + "; list each column once");
            }
        }
        return List.copyOf(keyColumns);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
