package io.twinsync.transform.mapping;

import io.twinsync.staging.rows.ValueType;
import io.twinsync.transform.expression.RowExpression;
import java.util.List;
import java.util.Objects;

/** Where a mapped property's value comes from: exactly one of these per property. */
public sealed interface ValueSource {

    /** The columns the source reads, as written in the mapping (matched ignoring case). */
    List<String> columns();

    /** A column's value ({@code column: Name}, or the short form {@code property: Name}). */
    record Column(String column) implements ValueSource {

        public Column {
            Objects.requireNonNull(column, "column");
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    /** Text from columns ({@code template: "{FirstName} {LastName}"}); NULL when any of its columns is. */
    record Template(IdTemplate template) implements ValueSource {

        public Template {
            Objects.requireNonNull(template, "template");
        }

        @Override
        public List<String> columns() {
            return template.columns();
        }
    }

    /**
     * A constant ({@code value: erp}), already checked against the property's schema when the mapping was loaded.
     *
     * @param type the staged type of {@code value}
     * @param value the YAML scalar as a staged value ({@link String}, {@link Long}, {@link java.math.BigDecimal} or
     *     {@link Boolean})
     */
    record Constant(ValueType type, Object value) implements ValueSource {

        public Constant {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public List<String> columns() {
            return List.of();
        }
    }

    /** A Spring Expression Language expression over the row's columns ({@code expression: "#Budget * 1000"}). */
    record Expression(RowExpression expression) implements ValueSource {

        public Expression {
            Objects.requireNonNull(expression, "expression");
        }

        @Override
        public List<String> columns() {
            return expression.variables();
        }
    }
}
