package io.twinsync.transform.twin;

import io.twinsync.transform.convert.ValueConverter;
import io.twinsync.transform.mapping.NullHandling;
import io.twinsync.transform.mapping.PropertyPath;

/**
 * A mapped property bound to its source in the staged file and the converter for its schema.
 *
 * @param property the property path as the mapping writes it, such as {@code location.latitude}
 * @param value where the value comes from (a column, template, constant or expression)
 * @param nulls what a NULL value means
 * @param path where the value goes in the document (parsed once, not per row)
 */
record PropertyPlan(
        String property,
        PropertyValue value,
        String schema,
        ValueConverter converter,
        NullHandling nulls,
        PropertyPath path) {

    PropertyPlan(String property, PropertyValue value, String schema, ValueConverter converter, NullHandling nulls) {
        this(property, value, schema, converter, nulls, PropertyPath.parse(property));
    }
}
