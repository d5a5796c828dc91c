package io.twinsync.transform.mapping;

import java.util.Objects;

/**
 * One mapped property: a DTDL property name and the column its value comes from.
 *
 * @param property the property name in the model (of the twin, or of the relationship)
 * @param column the staged column, matched ignoring case
 * @param nulls what a NULL value means; always {@link NullHandling#KEEP} for relationship properties
 */
public record PropertySpec(String property, String column, NullHandling nulls) {

    public PropertySpec {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(nulls, "nulls");
    }

    /** A property whose NULL leaves the property alone. */
    public PropertySpec(String property, String column) {
        this(property, column, NullHandling.KEEP);
    }
}
