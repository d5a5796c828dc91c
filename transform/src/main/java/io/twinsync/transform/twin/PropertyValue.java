package io.twinsync.transform.twin;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.staging.rows.StagedRow;
import io.twinsync.staging.rows.ValueType;
import io.twinsync.transform.convert.UnconvertibleValueException;
import io.twinsync.transform.convert.ValueConverter;
import io.twinsync.transform.expression.ExpressionResults;
import io.twinsync.transform.expression.RowExpression;
import java.util.Locale;
import java.util.Map;

/** A property's source bound to one staged file: reads the property's raw value from a row. */
sealed interface PropertyValue {

    /**
     * The value for a row in the representation of a staged value, or null for NULL.
     *
     * @throws io.twinsync.transform.expression.ExpressionFailedException when an expression fails for this row
     */
    Object read(StagedRow row);

    /** How reject reasons name the source, such as {@code Column Name}. */
    String describe();

    /** Converts a non-null value from {@link #read} to the property's JSON. */
    default JsonNode convert(Object value, ValueConverter converter) {
        return converter.convert(value);
    }

    /** A column; its type was checked against the schema when planning. */
    record ColumnValue(String column, int index) implements PropertyValue {

        @Override
        public Object read(StagedRow row) {
            return row.get(index);
        }

        @Override
        public String describe() {
            return "Column " + column;
        }
    }

    /** A template's text, or NULL when one of its columns is. */
    record TemplateValue(BoundTemplate template) implements PropertyValue {

        @Override
        public Object read(StagedRow row) {
            return template.render(row).text();
        }

        @Override
        public String describe() {
            return "Template \"" + template.text() + "\"";
        }
    }

    /** A constant, checked against the schema when the mapping was loaded. */
    record ConstantValue(Object value) implements PropertyValue {

        @Override
        public Object read(StagedRow row) {
            return value;
        }

        @Override
        public String describe() {
            return "Value";
        }
    }

    /**
     * An expression whose variables are bound to column positions.
     *
     * @param indexes the staged position of each variable, by name as written in the expression
     */
    record ExpressionValue(RowExpression expression, Map<String, Integer> indexes) implements PropertyValue {

        public ExpressionValue {
            indexes = Map.copyOf(indexes);
        }

        @Override
        public Object read(StagedRow row) {
            Object result = expression.evaluate(name -> {
                Integer index = indexes.get(name);
                return index == null ? null : row.get(index);
            });
            if (result == null) {
                return null;
            }
            try {
                return ExpressionResults.toStaged(result);
            } catch (IllegalArgumentException e) {
                return new Unsupported(result.getClass().getName(), e.getMessage());
            }
        }

        @Override
        public JsonNode convert(Object value, ValueConverter converter) {
            if (value instanceof Unsupported unsupported) {
                throw new UnconvertibleValueException(unsupported.reason());
            }
            ValueType type = ExpressionResults.typeOf(value);
            if (!converter.accepts(type)) {
                throw new UnconvertibleValueException(
                        "the expression gives a " + type.name().toLowerCase(Locale.ROOT)
                                + " value, which cannot become " + converter.target()
                                + "; convert it in the expression or map another property");
            }
            return converter.convert(value);
        }

        @Override
        public String describe() {
            return "Expression \"" + expression.text() + "\"";
        }

        /** A result of a Java type no property takes; its text still goes into the reject. */
        record Unsupported(String type, String reason) {

            @Override
            public String toString() {
                return type;
            }
        }
    }
}
