package io.twinsync.staging.rows;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The header of a staged rows file: the entity, its key columns and its columns. Column look-up ignores case, as
 * SQL does, but an exact match wins.
 */
public record StagedSchema(String entity, List<String> key, List<StagedColumn> columns) {

    public StagedSchema {
        key = List.copyOf(key);
        columns = List.copyOf(columns);
        for (String k : key) {
            if (columns.stream().noneMatch(c -> c.name().equalsIgnoreCase(k))) {
                throw new IllegalArgumentException(
                        "Key column " + k + " of entity " + entity + " is not among its columns " + names(columns));
            }
        }
    }

    /** The index of a column, ignoring case, or empty. */
    public Optional<Integer> indexOf(String column) {
        Map<String, Integer> exact = new HashMap<>();
        Map<String, Integer> folded = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            exact.putIfAbsent(columns.get(i).name(), i);
            folded.putIfAbsent(columns.get(i).name().toLowerCase(Locale.ROOT), i);
        }
        Integer i = exact.get(column);
        if (i == null) {
            i = folded.get(column.toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(i);
    }

    public List<String> columnNames() {
        return names(columns);
    }

    private static List<String> names(List<StagedColumn> columns) {
        return columns.stream().map(StagedColumn::name).toList();
    }
}
