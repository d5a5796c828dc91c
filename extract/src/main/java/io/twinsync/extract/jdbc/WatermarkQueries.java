package io.twinsync.extract.jdbc;

import io.twinsync.extract.SourceEntity;
import io.twinsync.extract.watermark.Watermark;
import io.twinsync.staging.rows.ValueType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Builds an entity's incremental read, {@code SELECT * FROM (query) w WHERE w.column > ?}, and binds the previous
 * watermark as the parameter. The column is a validated identifier, quoted and folded like {@link TableQueries}'s
 * table names; the value is always a bound parameter, never part of the SQL text.
 */
final class WatermarkQueries {

    private WatermarkQueries() {}

    static String above(String query, String column, Connection connection) throws SQLException {
        return "SELECT * FROM (" + query + ") w WHERE w." + TableQueries.quote(column, connection.getMetaData())
                + " > ?";
    }

    /**
     * {@code SELECT * FROM (query) w WHERE w.column > ? AND w.column < ?}: above the kept watermark and below a
     * ceiling (SQL Server's {@code MIN_ACTIVE_ROWVERSION()}, read before and bound as the second parameter).
     */
    static String between(String query, String column, Connection connection) throws SQLException {
        String quoted = TableQueries.quote(column, connection.getMetaData());
        return "SELECT * FROM (" + query + ") w WHERE w." + quoted + " > ? AND w." + quoted + " < ?";
    }

    static void bind(PreparedStatement statement, int index, Watermark watermark) throws SQLException {
        Object value = watermark.value();
        switch (watermark.type()) {
            case INTEGER -> statement.setLong(index, (Long) value);
            case DECIMAL -> statement.setBigDecimal(index, (BigDecimal) value);
            case TIMESTAMP -> statement.setObject(index, (LocalDateTime) value);
            case TIMESTAMP_TZ -> statement.setObject(index, (OffsetDateTime) value);
            case BINARY -> statement.setBytes(index, (byte[]) value);
            case STRING -> statement.setString(index, (String) value);
            default -> throw new IllegalArgumentException("A " + watermark.type() + " watermark cannot be bound");
        }
    }

    /**
     * The staged type the entity's watermark column has now, found from the query's metadata without reading rows
     * (the prepared statement's metadata, or a {@code WHERE 1 = 0} probe for drivers that do not describe
     * statements), or empty when the column is not in the result.
     */
    static Optional<ValueType> currentType(Connection connection, String query, SourceEntity entity)
            throws SQLException {
        return column(connection, query, entity).map(c -> c.staged().type());
    }

    /** As {@link #currentType}, the whole column: staged type and the database's type name. */
    static Optional<ResultColumn> column(Connection connection, String query, SourceEntity entity) throws SQLException {
        String probe = "SELECT * FROM (" + query + ") w WHERE 1 = 0";
        try (PreparedStatement statement = connection.prepareStatement(probe)) {
            ResultSetMetaData meta = statement.getMetaData();
            if (meta != null) {
                return typeOf(meta, entity);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return typeOf(rs.getMetaData(), entity);
            }
        }
    }

    private static Optional<ResultColumn> typeOf(ResultSetMetaData meta, SourceEntity entity) throws SQLException {
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnLabel(i).equalsIgnoreCase(entity.watermarkColumn())) {
                return Optional.of(JdbcColumnTypes.describe(entity, meta, i));
            }
        }
        return Optional.empty();
    }
}
