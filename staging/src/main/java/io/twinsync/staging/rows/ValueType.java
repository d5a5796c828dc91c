package io.twinsync.staging.rows;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * The type of a staged column and how its values are written. Each type has one Java representation, so that
 * transform never guesses: integers are {@link Long}, exact numbers {@link BigDecimal}, and so on.
 */
public enum ValueType {
    /** {@link String}. */
    STRING,
    /** {@link Long}: SQL TINYINT to BIGINT. */
    INTEGER,
    /** {@link BigDecimal}, written as an exact JSON number: SQL DECIMAL, NUMERIC, MONEY. */
    DECIMAL,
    /** {@link Double}: SQL REAL, FLOAT, DOUBLE. Non-finite values are written as the strings NaN, Infinity. */
    DOUBLE,
    /** {@link Boolean}: SQL BIT, BOOLEAN. */
    BOOLEAN,
    /** {@link LocalDate}, ISO-8601. */
    DATE,
    /** {@link LocalTime}, ISO-8601. */
    TIME,
    /** {@link LocalDateTime}, ISO-8601 without zone: SQL DATETIME, DATETIME2, TIMESTAMP. */
    TIMESTAMP,
    /** {@link OffsetDateTime}, ISO-8601 with offset: SQL DATETIMEOFFSET, TIMESTAMP WITH TIME ZONE. */
    TIMESTAMP_TZ,
    /** {@code byte[]}, written as base64: SQL BINARY, VARBINARY, ROWVERSION. */
    BINARY;

    /** Writes a non-null value of this type. */
    void write(JsonGenerator out, Object value) throws IOException {
        switch (this) {
            case STRING -> out.writeString((String) value);
            case INTEGER -> out.writeNumber((Long) value);
            case DECIMAL -> out.writeNumber((BigDecimal) value);
            case DOUBLE -> {
                double d = (Double) value;
                if (Double.isFinite(d)) {
                    out.writeNumber(d);
                } else {
                    out.writeString(Double.toString(d));
                }
            }
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case BINARY -> out.writeString(Base64.getEncoder().encodeToString((byte[]) value));
            case DATE, TIME, TIMESTAMP, TIMESTAMP_TZ -> out.writeString(value.toString());
        }
    }

    /** Reads a value of this type; JSON null is Java null. */
    Object read(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return switch (this) {
            case STRING -> node.asText();
            case INTEGER -> node.longValue();
            case DECIMAL -> node.decimalValue();
            case DOUBLE -> node.isTextual() ? Double.valueOf(node.asText()) : node.doubleValue();
            case BOOLEAN -> node.booleanValue();
            case DATE -> LocalDate.parse(node.asText());
            case TIME -> LocalTime.parse(node.asText());
            case TIMESTAMP -> LocalDateTime.parse(node.asText());
            case TIMESTAMP_TZ -> OffsetDateTime.parse(node.asText());
            case BINARY -> Base64.getDecoder().decode(node.asText());
        };
    }

    /** Checks that a value has this type's Java representation. */
    void check(String column, Object value) {
        Class<?> expected =
                switch (this) {
                    case STRING -> String.class;
                    case INTEGER -> Long.class;
                    case DECIMAL -> BigDecimal.class;
                    case DOUBLE -> Double.class;
                    case BOOLEAN -> Boolean.class;
                    case DATE -> LocalDate.class;
                    case TIME -> LocalTime.class;
                    case TIMESTAMP -> LocalDateTime.class;
                    case TIMESTAMP_TZ -> OffsetDateTime.class;
                    case BINARY -> byte[].class;
                };
        if (value != null && !expected.isInstance(value)) {
            throw new IllegalArgumentException("Column " + column + " is " + this + " and takes "
                    + expected.getSimpleName() + ", not " + value.getClass().getSimpleName());
        }
    }
}
