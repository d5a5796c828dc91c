package io.twinsync.extract.copied;

import io.twinsync.extract.watermark.Watermark;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The SQL Server queries a Data Factory Copy activity runs for an entity. A Copy activity's source query takes no bind
 * parameters, so an incremental copy's lower bound is written into the query as a literal: only a watermark twinsync
 * kept itself (a number, a date-time, binary as hex, or text with its quotes doubled), never text from a setting or a
 * command line. The column was checked as a plain identifier when the mapping was loaded.
 */
public final class CopyQueries {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    /** datetime2 and datetimeoffset keep 7 fractional digits; more would not convert. */
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");

    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSxxx");

    private CopyQueries() {}

    /** A whole table: {@code SELECT * FROM [schema].[table]}; the parts must be plain identifiers. */
    public static String selectAll(String table) {
        StringBuilder sql = new StringBuilder("SELECT * FROM ");
        String[] parts = table.split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            sql.append(i == 0 ? "" : ".").append(bracketed(parts[i]));
        }
        return sql.toString();
    }

    /** The rows of {@code query} whose watermark column is above {@code watermark}'s value. */
    public static String above(String query, Watermark watermark) {
        return "SELECT * FROM (" + query + ") AS twinsync_copied WHERE " + bracketed(watermark.column()) + " > "
                + literal(watermark);
    }

    /** The watermark's value as a SQL Server literal of its type. */
    static String literal(Watermark watermark) {
        Object value = watermark.value();
        return switch (watermark.type()) {
            case INTEGER -> Long.toString((Long) value);
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case TIMESTAMP -> "CAST('" + LOCAL.format((LocalDateTime) value) + "' AS datetime2)";
            case TIMESTAMP_TZ -> "CAST('" + OFFSET.format((OffsetDateTime) value) + "' AS datetimeoffset)";
            case BINARY -> "0x" + HexFormat.of().withUpperCase().formatHex((byte[]) value);
            case STRING -> "N'" + ((String) value).replace("'", "''") + "'";
            default ->
                throw new IllegalArgumentException(
                        "A watermark of type " + watermark.type() + " cannot bound a copy; a watermark is one of "
                                + io.twinsync.extract.watermark.WatermarkOrder.SUPPORTED);
        };
    }

    private static String bracketed(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("'" + identifier + "' is not a plain identifier (letters, digits, '_')");
        }
        return "[" + identifier + "]";
    }
}
