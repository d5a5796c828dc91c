package io.twinsync.extract.watermark;

import io.twinsync.staging.rows.ValueType;

/**
 * Follows the largest watermark value while rows stream past. NULLs are skipped: a row whose watermark is NULL is
 * read by full reads only, since {@code NULL > ?} is never true.
 */
public final class WatermarkTracker {

    private final String column;
    private final ValueType type;
    private final int index;
    private Object max;

    /**
     * @param column the watermark column
     * @param type its staged type
     * @param index its position in a row's values (0-based)
     * @param start the value to beat (the previous watermark for an incremental read), or null
     */
    public WatermarkTracker(String column, ValueType type, int index, Object start) {
        if (!WatermarkOrder.SUPPORTED.contains(type)) {
            throw WatermarkOrder.unsupported(column, type);
        }
        this.column = column;
        this.type = type;
        this.index = index;
        this.max = start;
    }

    /** Looks at one row's values. */
    public void accept(Object[] values) {
        Object value = values[index];
        if (value != null && (max == null || WatermarkOrder.compare(type, value, max) > 0)) {
            max = value instanceof byte[] bytes ? bytes.clone() : value;
        }
    }

    /** The largest value seen (or the start value), or null when there was none. */
    public Watermark watermark() {
        return max == null ? null : new Watermark(column, type, max);
    }
}
