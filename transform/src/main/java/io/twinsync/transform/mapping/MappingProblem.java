package io.twinsync.transform.mapping;

import java.util.Objects;

/**
 * One problem of a mapping, with what it concerns when that is known, so that {@code validate} can report it field by
 * field.
 *
 * @param kind what sort of problem
 * @param entity the mapping entity, or null when the problem is not about one entity (or not known)
 * @param field the mapping key at fault, such as {@code twin.properties.status}, or null
 * @param value the offending value (such as the column name), or null
 * @param message the whole problem in words, naming entity and key, and saying what to do
 */
public record MappingProblem(Kind kind, String entity, String field, String value, String message) {

    /** What sort of mapping problem. The names are stable: they are shown as codes by {@code validate}. */
    public enum Kind {
        /** The mapping itself is wrong: syntax, keys, models, templates, or names the models lack. */
        INVALID_MAPPING,
        /** The mapping names a column the staged rows do not have. */
        MISSING_COLUMN,
        /** A mapped column has a staged type its property cannot be converted from. */
        COLUMN_TYPE,
        /** The staged rows file holds another entity than the one it is named for. */
        ROWS_FILE_MISMATCH
    }

    public MappingProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
