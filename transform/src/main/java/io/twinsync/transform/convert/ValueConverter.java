package io.twinsync.transform.convert;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.staging.rows.ValueType;

/** Converts non-null staged values of some column types to the JSON of one DTDL schema. Thread-safe. */
public interface ValueConverter {

    /** The schema it produces, for messages, such as {@code integer}. */
    String target();

    /**
     * Whether values of a staged column type can convert at all. A mapping from a column of a type that cannot is a
     * mapping error, found before any row is read.
     */
    boolean accepts(ValueType type);

    /**
     * Converts a non-null value of an accepted type.
     *
     * @throws UnconvertibleValueException saying why, when this value does not fit the schema
     */
    JsonNode convert(Object value);
}
