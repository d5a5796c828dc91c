package io.twinsync.transform.twin;

import io.twinsync.transform.convert.ValueConverter;
import io.twinsync.transform.mapping.NullHandling;

/**
 * A mapped property bound to its source in the staged file and the converter for its schema.
 *
 * @param value where the value comes from (a column, template, constant or expression)
 * @param nulls what a NULL value means
 */
record PropertyPlan(
        String property, PropertyValue value, String schema, ValueConverter converter, NullHandling nulls) {}
