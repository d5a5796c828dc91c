package io.twinsync.transform.twin;

import io.twinsync.transform.convert.ValueConverter;
import io.twinsync.transform.mapping.NullHandling;
import io.twinsync.transform.mapping.PropertyPath;

/**
 * A mapped property bound to a staged column and the converter for its schema.
 *
 * @param property the property path as the mapping writes it, such as {@code location.latitude}
 * @param column the column name as the staged file spells it
 * @param index the column's position in the staged file
 * @param nulls what a NULL value means
 * @param path where the value goes in the document (parsed once, not per row)
 */
record PropertyPlan(
        String property,
        String column,
        int index,
        String schema,
        ValueConverter converter,
        NullHandling nulls,
        PropertyPath path) {

    PropertyPlan(
            String property, String column, int index, String schema, ValueConverter converter, NullHandling nulls) {
        this(property, column, index, schema, converter, nulls, PropertyPath.parse(property));
    }
}
