package io.twinsync.extract.watermark;

import io.twinsync.staging.rows.ValueType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;

/**
 * The order in which watermark values grow, per staged type: numbers by value, timestamps in time (with an offset:
 * by instant), binary unsigned byte by byte like SQL Server's rowversion, strings by UTF-16 code unit (which agrees
 * with the database only under a binary collation or for fixed-format values such as zero-padded codes).
 */
public final class WatermarkOrder {

    /** The staged types a watermark column may have. */
    public static final Set<ValueType> SUPPORTED = Set.of(
            ValueType.INTEGER,
            ValueType.DECIMAL,
            ValueType.TIMESTAMP,
            ValueType.TIMESTAMP_TZ,
            ValueType.BINARY,
            ValueType.STRING);

    private WatermarkOrder() {}

    /** Compares two non-null values of {@code type}. */
    public static int compare(ValueType type, Object a, Object b) {
        return switch (type) {
            case INTEGER -> Long.compare((Long) a, (Long) b);
            case DECIMAL -> ((BigDecimal) a).compareTo((BigDecimal) b);
            case TIMESTAMP -> ((LocalDateTime) a).compareTo((LocalDateTime) b);
            case TIMESTAMP_TZ -> OffsetDateTime.timeLineOrder().compare((OffsetDateTime) a, (OffsetDateTime) b);
            case BINARY -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
            case STRING -> ((String) a).compareTo((String) b);
            default -> throw unsupported("?", type);
        };
    }

    static void check(String column, ValueType type, Object value) {
        if (!SUPPORTED.contains(type)) {
            throw unsupported(column, type);
        }
        Class<?> expected =
                switch (type) {
                    case INTEGER -> Long.class;
                    case DECIMAL -> BigDecimal.class;
                    case TIMESTAMP -> LocalDateTime.class;
                    case TIMESTAMP_TZ -> OffsetDateTime.class;
                    case BINARY -> byte[].class;
                    default -> String.class;
                };
        if (!expected.isInstance(value)) {
            throw new IllegalArgumentException("Watermark column " + column + " is " + type + " and takes "
                    + expected.getSimpleName() + ", not " + value.getClass().getSimpleName());
        }
    }

    static IllegalArgumentException unsupported(String column, ValueType type) {
        return new IllegalArgumentException("Watermark column " + column + " is staged as " + type
                + ", which cannot serve as a watermark; use an increasing integer, decimal, timestamp, rowversion"
                + " (binary) or fixed-format string column");
    }
}
