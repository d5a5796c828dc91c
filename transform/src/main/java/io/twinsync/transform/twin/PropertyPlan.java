package io.twinsync.transform.twin;

import io.twinsync.transform.convert.ValueConverter;
import io.twinsync.transform.mapping.NullHandling;

/**
 * A mapped property bound to a staged column and the converter for its schema.
 *
 * @param column the column name as the staged file spells it
 * @param index the column's position in the staged file
 * @param nulls what a NULL value means
 */
record PropertyPlan(
        String property, String column, int index, String schema, ValueConverter converter, NullHandling nulls) {}
