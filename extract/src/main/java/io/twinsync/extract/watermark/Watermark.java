package io.twinsync.extract.watermark;

import io.twinsync.staging.rows.ValueType;
import java.util.Locale;
import java.util.Objects;

/**
 * The largest value of an entity's watermark column seen so far.
 *
 * @param column the watermark column, as configured
 * @param type its staged type; one of {@link WatermarkOrder#SUPPORTED}
 * @param value the largest value, in the type's Java representation ({@code Long}, {@code byte[]}, ...)
 */
public record Watermark(String column, ValueType type, Object value) {

    public Watermark {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        WatermarkOrder.check(column, type, value);
    }

    /** A watermark read back from {@link #valueText()}'s form. */
    public static Watermark parse(String column, ValueType type, String valueText) {
        return new Watermark(column, type, WatermarkValues.fromText(type, valueText));
    }

    /** Whether this watermark was kept for {@code otherColumn} (compared ignoring case, as result columns are). */
    public boolean isFor(String otherColumn) {
        return otherColumn != null && column.toLowerCase(Locale.ROOT).equals(otherColumn.toLowerCase(Locale.ROOT));
    }

    /** The value as text, for logs: 0x hex for binary, ISO-8601 for timestamps. */
    public String valueText() {
        return WatermarkValues.toText(type, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Watermark other
                && column.equals(other.column)
                && type == other.type
                && WatermarkOrder.compare(type, value, other.value) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, type, valueText());
    }

    @Override
    public String toString() {
        return column + " (" + type + ") > " + valueText();
    }
}
