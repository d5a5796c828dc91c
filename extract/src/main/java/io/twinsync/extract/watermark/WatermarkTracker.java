package io.twinsync.extract.watermark;

import io.twinsync.staging.rows.ValueType;

/**
 * Follows the largest watermark value while rows stream past. NULLs are skipped: a row whose watermark is NULL is
 * read by full reads only, since {@code NULL > ?} is never true. Timestamps beyond the {@link WatermarkHorizon} are
 * counted but do not move the watermark, so that one row stamped far in the future cannot hide every later change.
 */
public final class WatermarkTracker {

    private final String column;
    private final ValueType type;
    private final int index;
    private final WatermarkHorizon horizon;
    private Object ceiling;
    private Object max;
    private long rowsAhead;
    private Object maxAhead;

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
        this.horizon = WatermarkHorizon.fromNow();
        this.max = start;
    }

    /**
     * This tracker, keeping the watermark below {@code ceiling} (exclusive): a value at or above it does not move the
     * watermark, so its row is read again by the next batch. For SQL Server's {@code MIN_ACTIVE_ROWVERSION()}, below
     * which every rowversion belongs to a finished transaction.
     */
    public WatermarkTracker below(Object ceiling) {
        WatermarkOrder.check(column, type, ceiling);
        this.ceiling = ceiling instanceof byte[] bytes ? bytes.clone() : ceiling;
        return this;
    }

    /** Looks at one row's values. */
    public void accept(Object[] values) {
        Object value = values[index];
        if (value != null && horizon.isBeyond(type, value)) {
            rowsAhead++;
            if (maxAhead == null || WatermarkOrder.compare(type, value, maxAhead) > 0) {
                maxAhead = value;
            }
            return;
        }
        if (value != null && ceiling != null && WatermarkOrder.compare(type, value, ceiling) >= 0) {
            return;
        }
        if (value != null && (max == null || WatermarkOrder.compare(type, value, max) > 0)) {
            max = value instanceof byte[] bytes ? bytes.clone() : value;
        }
    }

    /**
     * What to tell about the rows beyond the horizon, or null when there were none: how many, the largest value, and
     * what that means.
     */
    public String aheadMessage() {
        if (rowsAhead == 0) {
            return null;
        }
        return rowsAhead + (rowsAhead == 1 ? " row has " : " rows have ") + column + " beyond " + horizon.text(type)
                + " (a day from now; the largest is " + WatermarkValues.toText(type, maxAhead) + "). Such values do"
                + " not move the watermark, or every later change would be skipped: these rows are read again by every"
                + " batch until the clock passes them. Correct " + column + " in the source";
    }

    /** The largest value seen (or the start value), or null when there was none. */
    public Watermark watermark() {
        return max == null ? null : new Watermark(column, type, max);
    }
}
