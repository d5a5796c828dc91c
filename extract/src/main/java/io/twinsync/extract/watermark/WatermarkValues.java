package io.twinsync.extract.watermark;

import io.twinsync.staging.rows.ValueType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Base64;

/** Writes watermark values as exact text and reads them back: plain decimals, ISO-8601, base64 for binary. */
final class WatermarkValues {

    private WatermarkValues() {}

    static String toText(ValueType type, Object value) {
        return switch (type) {
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case BINARY -> Base64.getEncoder().encodeToString((byte[]) value);
            default -> value.toString();
        };
    }

    static Object fromText(ValueType type, String text) {
        return switch (type) {
            case INTEGER -> Long.valueOf(text);
            case DECIMAL -> new BigDecimal(text);
            case TIMESTAMP -> LocalDateTime.parse(text);
            case TIMESTAMP_TZ -> OffsetDateTime.parse(text);
            case BINARY -> Base64.getDecoder().decode(text);
            case STRING -> text;
            default -> throw WatermarkOrder.unsupported("?", type);
        };
    }
}
