package io.twinsync.extract.jdbc;

import io.twinsync.extract.ExtractException;
import io.twinsync.extract.SourceEntity;
import io.twinsync.staging.rows.StagedColumn;
import io.twinsync.staging.rows.ValueType;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * Maps a result column's JDBC type to a staged {@link ValueType} and a reader that keeps the value exact: decimals
 * stay {@code BigDecimal}, timestamps are read as {@code java.time} values (never through {@code java.sql.Timestamp}
 * and the JVM's time zone), and anything without a faithful staged form is refused with a hint to cast it.
 */
final class JdbcColumnTypes {

    // microsoft.sql.Types, without a compile-time dependency on the SQL Server driver.
    static final int SQLSERVER_DATETIMEOFFSET = -155;
    static final int SQLSERVER_DATETIME = -151;
    static final int SQLSERVER_SMALLDATETIME = -150;
    static final int SQLSERVER_MONEY = -148;
    static final int SQLSERVER_SMALLMONEY = -146;
    static final int SQLSERVER_GUID = -145;

    private static final ValueReader STRING = (rs, i) -> rs.getString(i);
    private static final ValueReader UUID_TEXT = (rs, i) -> {
        Object value = rs.getObject(i);
        return value == null ? null : value.toString();
    };
    private static final ValueReader INTEGER = (rs, i) -> {
        long value = rs.getLong(i);
        return rs.wasNull() ? null : value;
    };
    private static final ValueReader DECIMAL = (rs, i) -> rs.getBigDecimal(i);
    private static final ValueReader DOUBLE = (rs, i) -> {
        double value = rs.getDouble(i);
        return rs.wasNull() ? null : value;
    };
    // A REAL widened bit-for-bit would turn 0.1f into 0.10000000149011612; its shortest decimal form is what the
    // database shows, and some drivers (PostgreSQL) already return it that way.
    private static final ValueReader REAL = (rs, i) -> {
        float value = rs.getFloat(i);
        return rs.wasNull() ? null : Double.valueOf(Float.toString(value));
    };
    private static final ValueReader BOOLEAN = (rs, i) -> {
        boolean value = rs.getBoolean(i);
        return rs.wasNull() ? null : value;
    };
    private static final ValueReader DATE = (rs, i) -> rs.getObject(i, LocalDate.class);
    private static final ValueReader TIME = (rs, i) -> rs.getObject(i, LocalTime.class);
    private static final ValueReader TIMESTAMP = (rs, i) -> rs.getObject(i, LocalDateTime.class);
    private static final ValueReader TIMESTAMP_TZ = (rs, i) -> rs.getObject(i, OffsetDateTime.class);
    private static final ValueReader BINARY = (rs, i) -> rs.getBytes(i);

    private JdbcColumnTypes() {}

    /** Describes column {@code index} (1-based) of a result, or fails naming the entity, column and type. */
    static ResultColumn describe(SourceEntity entity, ResultSetMetaData meta, int index) throws SQLException {
        String name = meta.getColumnLabel(index);
        int code = meta.getColumnType(index);
        String typeName = meta.getColumnTypeName(index);
        // Some vendor types carry a JDBC type code that says too little or the wrong thing; their name decides.
        ResultColumn column =
                switch (typeName == null ? "" : typeName.toLowerCase(Locale.ROOT)) {
                    // H2 reports UUID as BINARY, PostgreSQL as OTHER, SQL Server as CHAR: all staged as text.
                    case "uuid", "uniqueidentifier" -> column(name, ValueType.STRING, typeName, UUID_TEXT);
                    // PostgreSQL reports timestamptz as TIMESTAMP; it is an instant, read at offset +00:00.
                    case "timestamptz" -> column(name, ValueType.TIMESTAMP_TZ, typeName, TIMESTAMP_TZ);
                    // PostgreSQL reports timetz as TIME; a time of day with an offset has no staged type.
                    case "timetz" -> null;
                    default -> byTypeCode(name, code, typeName, meta.getPrecision(index));
                };
        if (column == null) {
            throw unsupported(entity, name, typeName, code);
        }
        return column;
    }

    private static ResultColumn byTypeCode(String name, int code, String typeName, int precision) {
        return switch (code) {
            case Types.CHAR,
                    Types.VARCHAR,
                    Types.LONGVARCHAR,
                    Types.NCHAR,
                    Types.NVARCHAR,
                    Types.LONGNVARCHAR,
                    Types.CLOB,
                    Types.NCLOB -> column(name, ValueType.STRING, typeName, STRING);
            case SQLSERVER_GUID -> column(name, ValueType.STRING, typeName, UUID_TEXT);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT ->
                column(name, ValueType.INTEGER, typeName, INTEGER);
            case Types.DECIMAL, Types.NUMERIC, SQLSERVER_MONEY, SQLSERVER_SMALLMONEY ->
                column(name, ValueType.DECIMAL, typeName, DECIMAL);
            case Types.REAL -> column(name, ValueType.DOUBLE, typeName, REAL);
            case Types.FLOAT, Types.DOUBLE -> column(name, ValueType.DOUBLE, typeName, DOUBLE);
            // BIT(n) with n > 1 (PostgreSQL, MySQL) is a bit string, not a boolean.
            case Types.BIT -> precision > 1 ? null : column(name, ValueType.BOOLEAN, typeName, BOOLEAN);
            case Types.BOOLEAN -> column(name, ValueType.BOOLEAN, typeName, BOOLEAN);
            case Types.DATE -> column(name, ValueType.DATE, typeName, DATE);
            case Types.TIME -> column(name, ValueType.TIME, typeName, TIME);
            case Types.TIMESTAMP, SQLSERVER_DATETIME, SQLSERVER_SMALLDATETIME ->
                column(name, ValueType.TIMESTAMP, typeName, TIMESTAMP);
            case Types.TIMESTAMP_WITH_TIMEZONE, SQLSERVER_DATETIMEOFFSET ->
                column(name, ValueType.TIMESTAMP_TZ, typeName, TIMESTAMP_TZ);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                column(name, ValueType.BINARY, typeName, BINARY);
            default -> null;
        };
    }

    private static ResultColumn column(String name, ValueType type, String typeName, ValueReader reader) {
        return new ResultColumn(new StagedColumn(name, type), typeName, reader);
    }

    private static ExtractException unsupported(SourceEntity entity, String column, String typeName, int code) {
        return new ExtractException("Entity " + entity.name() + ": column " + column + " has type " + typeName
                + " (JDBC type " + code + "), which twinsync cannot stage faithfully. Cast it in the query to a"
                + " supported type, e.g. CAST(" + column + " AS VARCHAR(4000)), or leave it out"
                + (entity.readsTable()
                        ? " (the entity reads table " + entity.table() + "; give it a 'query' instead to do that)"
                        : "")
                + ". Supported: text, integers, decimals, floating point, booleans, dates, times, timestamps with"
                + " or without offset, and binary.");
    }
}
