package io.twinsync.extract.watermark;

import io.twinsync.staging.rows.ValueType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Writes watermark values as exact text and reads them back: plain decimals, ISO-8601, binary as {@code 0x} and
 * upper-case hex, the way SQL Server shows a rowversion ({@code 0x00000000000007D1}), so a kept value can be pasted
 * into a query. Binary values kept as base64 by earlier versions are still read.
 */
final class WatermarkValues {

    private static final Pattern HEX = Pattern.compile("0x(?:[0-9A-Fa-f]{2})*");

    private WatermarkValues() {}

    static String toText(ValueType type, Object value) {
        return switch (type) {
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case BINARY -> "0x" + HexFormat.of().withUpperCase().formatHex((byte[]) value);
            default -> value.toString();
        };
    }

    static Object fromText(ValueType type, String text) {
        return switch (type) {
            case INTEGER -> Long.valueOf(text);
            case DECIMAL -> new BigDecimal(text);
            case TIMESTAMP -> LocalDateTime.parse(text);
            case TIMESTAMP_TZ -> OffsetDateTime.parse(text);
            case BINARY ->
                HEX.matcher(text).matches()
                        ? HexFormat.of().parseHex(text, 2, text.length())
                        : Base64.getDecoder().decode(text);
            case STRING -> text;
            default -> throw WatermarkOrder.unsupported("?", type);
        };
    }
}
