package io.twinsync.extract.jdbc;

import io.twinsync.extract.SourceEntity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * The upper bound of a SQL Server {@code rowversion} watermark: {@code MIN_ACTIVE_ROWVERSION()}, read before the
 * rows.
 *
 * <p>A rowversion is taken when a row is written, not when its transaction commits. A transaction still open holds a
 * rowversion lower than those of rows committed after it; a read that kept the largest rowversion it saw would put
 * that open transaction's rows below the watermark for good. {@code MIN_ACTIVE_ROWVERSION()} is the lowest rowversion
 * of any open transaction (or the next one to be given): every row below it is committed. Microsoft's reference for
 * the function says so and recommends it over {@code @@DBTS} for synchronization for this reason. So the watermark
 * never reaches it, and an incremental read asks for {@code column > kept AND column < ceiling}.
 */
final class RowversionCeiling {

    static final String SQL = "SELECT MIN_ACTIVE_ROWVERSION()";

    private RowversionCeiling() {}

    /**
     * The ceiling for the entity's watermark column, or null when there is none to respect: the source is not SQL
     * Server, or the column is not a {@code rowversion} (which SQL Server's metadata calls {@code timestamp}).
     */
    static byte[] read(Connection connection, String query, SourceEntity entity) throws SQLException {
        if (!isSqlServer(connection)) {
            return null;
        }
        Optional<ResultColumn> column = WatermarkQueries.column(connection, query, entity);
        if (column.isEmpty() || !isRowversion(column.get().sqlType())) {
            return null;
        }
        try (PreparedStatement statement = connection.prepareStatement(SQL);
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getBytes(1) : null;
        }
    }

    static boolean isRowversion(String sqlType) {
        String name = sqlType == null ? "" : sqlType.toLowerCase(Locale.ROOT);
        return name.equals("timestamp") || name.equals("rowversion");
    }

    private static boolean isSqlServer(Connection connection) throws SQLException {
        return connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("sql server");
    }
}
