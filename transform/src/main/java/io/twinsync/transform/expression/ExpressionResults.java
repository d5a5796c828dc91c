package io.twinsync.transform.expression;

import io.twinsync.staging.rows.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * An expression's result in the representation of a staged value, so the same converters handle it as a column
 * value: whole numbers become {@link Long} (INTEGER), exact numbers {@link BigDecimal} (DECIMAL), and so on.
 */
public final class ExpressionResults {

    private ExpressionResults() {}

    /**
     * A staged value (typed by {@link #typeOf}) of a non-null result.
     *
     * @throws IllegalArgumentException naming the Java type, for a result no property can take
     */
    public static Object toStaged(Object result) {
        if (result instanceof Integer || result instanceof Short || result instanceof Byte) {
            return ((Number) result).longValue();
        }
        if (result instanceof BigInteger big) {
            return big.bitLength() < Long.SIZE ? (Object) big.longValue() : new BigDecimal(big);
        }
        if (result instanceof Float f) {
            return Double.valueOf(Float.toString(f)); // 0.1f stays 0.1, not 0.10000000149011612
        }
        if (result instanceof Character c) {
            return c.toString();
        }
        if (result instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (result instanceof ZonedDateTime zoned) {
            return zoned.toOffsetDateTime();
        }
        if (typeOf(result) == null) {
            throw new IllegalArgumentException(
                    "the result is a " + result.getClass().getName()
                            + ", which no property takes; give text, a number, a boolean or a java.time value");
        }
        return result;
    }

    /** The staged type of a staged value, or null when it is not one. */
    public static ValueType typeOf(Object value) {
        if (value instanceof String) {
            return ValueType.STRING;
        }
        if (value instanceof Long) {
            return ValueType.INTEGER;
        }
        if (value instanceof BigDecimal) {
            return ValueType.DECIMAL;
        }
        if (value instanceof Double) {
            return ValueType.DOUBLE;
        }
        if (value instanceof Boolean) {
            return ValueType.BOOLEAN;
        }
        if (value instanceof LocalDate) {
            return ValueType.DATE;
        }
        if (value instanceof LocalTime) {
            return ValueType.TIME;
        }
        if (value instanceof LocalDateTime) {
            return ValueType.TIMESTAMP;
        }
        if (value instanceof OffsetDateTime) {
            return ValueType.TIMESTAMP_TZ;
        }
        if (value instanceof byte[]) {
            return ValueType.BINARY;
        }
        return null;
    }
}
