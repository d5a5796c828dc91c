package io.twinsync.staging.rows;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The header of a staged rows file: the entity, its key columns and its columns. Column look-up ignores case, as
 * SQL does, but an exact match wins. Immutable.
 *
 * <p>A class rather than a record because it keeps a derived look-up index, built once here instead of on every
 * {@link #indexOf} (which transform calls per row and column); equality is over entity, key and columns only.
 */
public final class StagedSchema {

    private final String entity;
    private final List<String> key;
    private final List<StagedColumn> columns;
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> folded = new HashMap<>();

    public StagedSchema(String entity, List<String> key, List<StagedColumn> columns) {
        this.entity = entity;
        this.key = List.copyOf(key);
        this.columns = List.copyOf(columns);
        for (int i = 0; i < this.columns.size(); i++) {
            String name = this.columns.get(i).name();
            exact.putIfAbsent(name, i);
            folded.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
        }
        for (String k : this.key) {
            if (!folded.containsKey(k.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(
                        "Key column " + k + " of entity " + entity + " is not among its columns " + columnNames());
            }
        }
    }

    public String entity() {
        return entity;
    }

    public List<String> key() {
        return key;
    }

    public List<StagedColumn> columns() {
        return columns;
    }

    /** The index of a column, ignoring case, or empty. */
    public Optional<Integer> indexOf(String column) {
        Integer i = exact.get(column);
        if (i == null) {
            i = folded.get(column.toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(i);
    }

    public List<String> columnNames() {
        return columns.stream().map(StagedColumn::name).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StagedSchema that
                && Objects.equals(entity, that.entity)
                && key.equals(that.key)
                && columns.equals(that.columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entity, key, columns);
    }

    @Override
    public String toString() {
        return "StagedSchema[entity=" + entity + ", key=" + key + ", columns=" + columns + "]";
    }
}
