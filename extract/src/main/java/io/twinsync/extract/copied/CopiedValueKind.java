package io.twinsync.extract.copied;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.staging.rows.ValueType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * What a copied JSON value is, and so the staged type of a column whose values are all of one kind.
 *
 * <p>Where the rules come from. Microsoft's Copy activity docs ("JSON format", "Schema and data type mapping in copy
 * activity") say that the JSON sink writes one object per line ({@code filePattern: setOfObjects}, the default) with
 * the source's column names as field names, and that the SQL Server connector reads {@code date} columns as dates;
 * they do not show how each interim type is written as JSON. The value forms below are <b>our assumption</b>, to be
 * checked against a real factory: SQL Server {@code datetime}/{@code datetime2} as ISO-8601 text without a zone
 * ({@code 2025-01-15T08:00:00}, fractions allowed), {@code datetimeoffset} as ISO-8601 with an offset, {@code date} as
 * a date or as a midnight date-time, {@code decimal}/{@code numeric}/{@code money} and integers as JSON numbers,
 * {@code bit} as JSON booleans, {@code binary}/{@code rowversion} as base64 text, and NULL as JSON null or as a
 * field left out.
 *
 * <p>A column is typed from all its values in the file: integers only make INTEGER, numbers with a fraction (or too
 * large for a long) DECIMAL, ISO dates / date-times TIMESTAMP (or DATE, TIMESTAMP_TZ) only when every value of the
 * column is one, any other text STRING. Base64 is indistinguishable from text and stays STRING. A column whose values
 * are of kinds that do not mix (numbers and booleans, say) takes the kind of its first value, and the values of the
 * other kind are set aside as unconvertible: a SQL column has one type, so the file is not what a Copy activity writes.
 */
enum CopiedValueKind {
    INTEGER(ValueType.INTEGER),
    DECIMAL(ValueType.DECIMAL),
    BOOLEAN(ValueType.BOOLEAN),
    DATE(ValueType.DATE),
    TIMESTAMP(ValueType.TIMESTAMP),
    TIMESTAMP_TZ(ValueType.TIMESTAMP_TZ),
    STRING(ValueType.STRING),
    /** A JSON object or array: not a value of a SQL column, never a column's kind. */
    STRUCTURE(null);

    private static final Set<CopiedValueKind> TEXT = Set.of(DATE, TIMESTAMP, TIMESTAMP_TZ, STRING);

    private final ValueType type;

    CopiedValueKind(ValueType type) {
        this.type = type;
    }

    /** The staged type of a column of this kind. */
    ValueType type() {
        return type;
    }

    /** The kind of a value; null for JSON null or a missing field. */
    static CopiedValueKind of(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isBoolean()) {
            return BOOLEAN;
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? INTEGER : DECIMAL;
        }
        if (value.isNumber()) {
            return DECIMAL;
        }
        if (value.isTextual()) {
            return ofText(value.textValue());
        }
        return STRUCTURE;
    }

    private static CopiedValueKind ofText(String text) {
        // Cheap shape checks first: most text is not a date, and a parse failure costs an exception.
        if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return STRING;
        }
        try {
            if (text.length() == 10) {
                LocalDate.parse(text);
                return DATE;
            }
            if (text.charAt(10) != 'T') {
                return STRING;
            }
            char last = text.charAt(text.length() - 1);
            if (last == 'Z' || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10) {
                OffsetDateTime.parse(text);
                return TIMESTAMP_TZ;
            }
            LocalDateTime.parse(text);
            return TIMESTAMP;
        } catch (DateTimeParseException e) {
            return STRING;
        }
    }

    /**
     * The column's kind once a value of kind {@code value} was seen in it as well ({@code column} null: the first
     * value). Integers widen to decimals, dates and date-times mixed with each other or with other text become text;
     * kinds that do not mix keep the column's (the other values are set aside later); objects and arrays are never a
     * column's kind.
     */
    static CopiedValueKind merge(CopiedValueKind column, CopiedValueKind value) {
        if (value == null || value == STRUCTURE || value == column) {
            return column;
        }
        if (column == null) {
            return value;
        }
        if ((column == INTEGER && value == DECIMAL) || (column == DECIMAL && value == INTEGER)) {
            return DECIMAL;
        }
        if (TEXT.contains(column) && TEXT.contains(value)) {
            return STRING;
        }
        return column;
    }

    /**
     * A non-null value as this kind's staged Java value.
     *
     * @throws IllegalArgumentException saying what the value is and what the column takes
     */
    Object convert(JsonNode value) {
        CopiedValueKind kind = of(value);
        boolean fits = kind == this || (this == DECIMAL && kind == INTEGER) || (this == STRING && TEXT.contains(kind));
        if (!fits) {
            throw new IllegalArgumentException(describe(kind) + ", but the column's other values are " + describe(this)
                    + " (a column of a copied table holds one type)");
        }
        return switch (this) {
            case INTEGER -> value.longValue();
            case DECIMAL -> value.isIntegralNumber() ? new BigDecimal(value.bigIntegerValue()) : value.decimalValue();
            case BOOLEAN -> value.booleanValue();
            case DATE -> LocalDate.parse(value.textValue());
            case TIMESTAMP -> LocalDateTime.parse(value.textValue());
            case TIMESTAMP_TZ -> OffsetDateTime.parse(value.textValue());
            case STRING -> value.textValue();
            case STRUCTURE -> throw new IllegalStateException("no column is of kind STRUCTURE");
        };
    }

    private static String describe(CopiedValueKind kind) {
        return switch (kind) {
            case INTEGER -> "a whole number";
            case DECIMAL -> "a number";
            case BOOLEAN -> "true or false";
            case DATE -> "a date";
            case TIMESTAMP -> "a date and time without zone";
            case TIMESTAMP_TZ -> "a date and time with an offset";
            case STRING -> "text";
            case STRUCTURE -> "a JSON object or array, not a column's value";
        };
    }
}
