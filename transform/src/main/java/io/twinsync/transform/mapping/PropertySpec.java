package io.twinsync.transform.mapping;

import java.util.Objects;

/**
 * One mapped property: a DTDL property name and where its value comes from.
 *
 * @param property the property name in the model (of the twin, or of the relationship)
 * @param source the column, template, constant or expression giving the value
 * @param nulls what a NULL value means; always {@link NullHandling#KEEP} for relationship properties
 */
public record PropertySpec(String property, ValueSource source, NullHandling nulls) {

    public PropertySpec {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(nulls, "nulls");
    }

    /** A property read from a column. */
    public PropertySpec(String property, String column, NullHandling nulls) {
        this(property, new ValueSource.Column(column), nulls);
    }

    /** A property read from a column, whose NULL leaves the property alone. */
    public PropertySpec(String property, String column) {
        this(property, column, NullHandling.KEEP);
    }

    /** The column of a {@code column:} property, or null for the other sources. */
    public String column() {
        return source instanceof ValueSource.Column c ? c.column() : null;
    }
}
