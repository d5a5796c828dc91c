package io.twinsync.extract.watermark;

import io.twinsync.staging.rows.ValueType;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * How far ahead of the clock a timestamp watermark may go. A value beyond it (a row stamped 9999-12-31, a source
 * clock years ahead) would become the kept maximum, and every later change, stamped with the real time, would fall
 * below it and never be read again. So such a value does not move the watermark: its row is read by every batch
 * until the clock passes it (the writer sends nothing for it while it does not change).
 *
 * <p>A day of slack covers a {@code TIMESTAMP} without offset holding another zone's local time, and clock skew; a
 * row wrongly counted as ahead costs a re-read, never a lost change. Other watermark types (numbers, rowversions,
 * strings) have no clock to compare with and are not limited.
 *
 * @param local the latest {@code TIMESTAMP} value that may move a watermark
 * @param instant the latest {@code TIMESTAMP_TZ} value that may move a watermark
 */
public record WatermarkHorizon(LocalDateTime local, OffsetDateTime instant) {

    public static final Duration SLACK = Duration.ofDays(1);

    /** The horizon a day from now by the system clock. */
    public static WatermarkHorizon fromNow() {
        Clock clock = Clock.systemDefaultZone();
        return new WatermarkHorizon(
                LocalDateTime.now(clock).plus(SLACK), OffsetDateTime.now(clock).plus(SLACK));
    }

    /** Whether a non-null watermark value lies beyond the horizon (always false for types without a clock). */
    public boolean isBeyond(ValueType type, Object value) {
        return switch (type) {
            case TIMESTAMP -> ((LocalDateTime) value).isAfter(local);
            case TIMESTAMP_TZ -> ((OffsetDateTime) value).isAfter(instant);
            default -> false;
        };
    }

    /** The horizon for values of {@code type}, as text for messages. */
    public String text(ValueType type) {
        return type == ValueType.TIMESTAMP_TZ ? instant.toString() : local.toString();
    }
}
