package io.twinsync.transform.mapping;

import java.util.Objects;

/**
 * One mapped property: a DTDL property name and the column its value comes from.
 *
 * @param property the property name in the model (of the twin, or of the relationship)
 * @param column the staged column, matched ignoring case
 */
public record PropertySpec(String property, String column) {

    public PropertySpec {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(column, "column");
    }
}
