package io.twinsync.staging.rows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** One staged row: its line number in the file (1 is the first row) and its values in column order. */
public final class StagedRow {

    private final StagedSchema schema;
    private final long number;
    private final Object[] values;

    StagedRow(StagedSchema schema, long number, Object[] values) {
        this.schema = schema;
        this.number = number;
        this.values = values;
    }

    public StagedSchema schema() {
        return schema;
    }

    /** The row's position in its file, 1-based; used to name a row whose key is unusable. */
    public long number() {
        return number;
    }

    /** The value of a column (case-insensitive), or null when it is SQL NULL. */
    public Object get(String column) {
        int i = schema.indexOf(column)
                .orElseThrow(() -> new IllegalArgumentException("Entity " + schema.entity() + " has no column " + column
                        + "; its columns are " + schema.columnNames()));
        return values[i];
    }

    public boolean has(String column) {
        return schema.indexOf(column).isPresent();
    }

    public Object get(int index) {
        return values[index];
    }

    /** The key columns and their values, in key order, for messages and rejects. */
    public Map<String, Object> key() {
        Map<String, Object> key = new LinkedHashMap<>();
        for (String k : schema.key()) {
            key.put(k, get(k));
        }
        return key;
    }

    @Override
    public String toString() {
        return schema.entity() + " row " + number + " " + key() + " " + Arrays.toString(values);
    }
}
