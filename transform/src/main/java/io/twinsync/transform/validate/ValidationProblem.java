package io.twinsync.transform.validate;

import java.util.Map;
import java.util.Objects;

/**
 * One problem found by {@link MappingValidator}.
 *
 * @param code a stable code: a {@link io.twinsync.transform.mapping.MappingProblem.Kind} name for problems of the
 *     mapping ({@code INVALID_MAPPING}, {@code MISSING_COLUMN}, {@code COLUMN_TYPE}, {@code ROWS_FILE_MISMATCH}), a
 *     {@link io.twinsync.transform.twin.RejectCode} name for a sample row transform would reject
 * @param entity the mapping entity, or null when the problem is not about one
 * @param rowNumber the sample row's line in its rows file (1-based), or 0 for problems of the mapping
 * @param rowKey the sample row's key columns and values; empty for problems of the mapping
 * @param field the mapping key (such as {@code twin.properties.status}) or property at fault, or null
 * @param value the offending value (a column name, a row value), or null
 * @param message what is wrong and what to do
 */
public record ValidationProblem(
        String code,
        String entity,
        long rowNumber,
        Map<String, Object> rowKey,
        String field,
        String value,
        String message) {

    public ValidationProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        rowKey = rowKey == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowKey));
    }

    /** Whether this is about a sample row (a reject) rather than the mapping. */
    public boolean isRowProblem() {
        return rowNumber > 0;
    }
}
