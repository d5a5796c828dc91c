package io.twinsync.transform.twin;

import io.twinsync.staging.rows.StagedColumn;
import io.twinsync.transform.convert.ValueConverter;
import io.twinsync.transform.mapping.MappingProblem;
import io.twinsync.transform.mapping.PropertyTarget;
import io.twinsync.transform.mapping.ValueSource;
import java.util.LinkedHashMap;
import java.util.Map;

/** Binds a property's {@link ValueSource} to the staged columns, reporting what does not fit. */
final class PropertyValues {

    private PropertyValues() {}

    /** The bound source, or null having reported each problem (a missing column, a column of the wrong type). */
    static PropertyValue bind(
            ValueSource source, PropertyTarget property, ValueConverter converter, ColumnBinder columns, String at) {
        if (source instanceof ValueSource.Column c) {
            return column(c, property, converter, columns, at);
        }
        if (source instanceof ValueSource.Template t) {
            BoundTemplate template = BoundTemplate.bind(t.template(), columns, at);
            return template == null ? null : new PropertyValue.TemplateValue(template);
        }
        if (source instanceof ValueSource.Constant k) {
            return new PropertyValue.ConstantValue(k.value());
        }
        ValueSource.Expression e = (ValueSource.Expression) source;
        // names resolve ignoring case (PostgreSQL folds them), so #AssetTag finds column assettag
        Map<String, Integer> indexes = new LinkedHashMap<>();
        boolean complete = true;
        for (String variable : e.expression().variables()) {
            int index = columns.indexOf(variable, at);
            complete &= index >= 0;
            indexes.put(variable, index);
        }
        return complete ? new PropertyValue.ExpressionValue(e.expression(), indexes) : null;
    }

    private static PropertyValue column(
            ValueSource.Column source,
            PropertyTarget property,
            ValueConverter converter,
            ColumnBinder columns,
            String at) {
        int index = columns.indexOf(source.column(), at);
        if (index < 0) {
            return null;
        }
        StagedColumn column = columns.column(index);
        if (!converter.accepts(column.type())) {
            columns.report(
                    MappingProblem.Kind.COLUMN_TYPE,
                    at,
                    column.name(),
                    "column '" + column.name() + "' is " + column.type() + ", which cannot become "
                            + property.schema().describe()
                            + "; map a column of a fitting type or CAST it in the source query (see the conversion"
                            + " table in transform/README.md)");
            return null;
        }
        return new PropertyValue.ColumnValue(column.name(), index);
    }
}
