package io.twinsync.extract.jdbc;

import io.twinsync.extract.ExtractException;
import io.twinsync.extract.SourceEntity;
import io.twinsync.extract.watermark.ReadKind;
import io.twinsync.extract.watermark.Watermark;
import io.twinsync.staging.rows.ValueType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read of a table through SQL Server change tracking, planned before any row is read.
 *
 * <p>The pattern is Microsoft's ("Work with change tracking" and "CHANGE_TRACKING_MIN_VALID_VERSION", SQL Server
 * docs): check that the last synchronized version is still valid ({@code
 * CHANGE_TRACKING_MIN_VALID_VERSION(OBJECT_ID(table))} not above it; it moves up when retention cleans up, when
 * change tracking is enabled on the table again, and when the table is truncated), read
 * {@code CHANGE_TRACKING_CURRENT_VERSION()} as the version to keep for next time, then read
 * {@code CHANGETABLE(CHANGES table, last)} joined to the table on its primary key. A version is assigned when a
 * transaction commits, so a change that commits after the current version was read gets a higher version and is read
 * by the next batch; a change read now and again next time is written twice, which is harmless.
 *
 * <p>The staged rows always start with {@value #OPERATION_COLUMN}: {@code I}, {@code U} or {@code D} for changes,
 * NULL for a whole read. A deleted row carries only its key columns (from the change table), the rest NULL. A change
 * whose row is no longer in the table when it is read is staged as {@code D} too. Without a usable kept version (the
 * first read, a version cleaned up by retention, a version above the current one after a restore), the table is read
 * whole and the reason logged.
 */
final class ChangeTrackingRead {

    /** The staged column telling the change: I, U, D, or NULL for a whole read. */
    static final String OPERATION_COLUMN = "SYS_CHANGE_OPERATION";

    /** The column name under which the change tracking version is kept with the watermarks. */
    static final String VERSION_COLUMN = "SYS_CHANGE_VERSION";

    static final String CURRENT_VERSION_SQL = "SELECT CHANGE_TRACKING_CURRENT_VERSION()";
    static final String MIN_VALID_VERSION_SQL = "SELECT CHANGE_TRACKING_MIN_VALID_VERSION(OBJECT_ID(?))";

    private static final Logger LOG = LoggerFactory.getLogger(ChangeTrackingRead.class);

    /** How a change tracking entity is read, given its kept version and the database's versions. */
    enum Start {
        /** No version kept yet: the table whole. */
        FIRST,
        /** The kept version is older than the table's minimum valid version (cleaned up), or newer than the current. */
        RESET,
        /** The rows changed since the kept version. */
        CHANGES
    }

    private final String sql;
    private final Long since;
    private final Watermark version;

    private ChangeTrackingRead(String sql, Long since, Watermark version) {
        this.sql = sql;
        this.since = since;
        this.version = version;
    }

    /**
     * Reads the table's columns and the change tracking versions, decides between a whole read and a read of the
     * changes, and logs a reset.
     *
     * @param previous the kept version (a watermark on {@value #VERSION_COLUMN}), or null
     */
    static ChangeTrackingRead plan(Connection connection, SourceEntity entity, Watermark previous) throws SQLException {
        String table = quotedTable(entity.table());
        List<String> columns = columnsOf(connection, table);
        // The database first: with change tracking off there, the table's minimum valid version is NULL as well.
        long current = version(connection, CURRENT_VERSION_SQL, null, entity, "database");
        long minValid = version(connection, MIN_VALID_VERSION_SQL, table, entity, "table");
        Long last = lastVersion(entity, previous);
        Start start = decide(last, minValid, current);
        if (start == Start.RESET) {
            LOG.warn(
                    "Entity {}: change tracking version {} is no longer valid for {} (minimum valid {}, current {}):"
                            + " changes since were cleaned up or the database was restored; reading the table whole"
                            + " (a reset). Deleted rows are not seen by this read; raise CHANGE_RETENTION or sync more"
                            + " often",
                    entity.name(),
                    last,
                    entity.table(),
                    minValid,
                    current);
        }
        Watermark next = new Watermark(VERSION_COLUMN, ValueType.INTEGER, current);
        List<String> keys = keyColumns(entity, columns);
        return start == Start.CHANGES
                ? new ChangeTrackingRead(changesSql(table, keys, columns), last, next)
                : new ChangeTrackingRead(wholeSql(table, columns), null, next);
    }

    /** The read to do: changes only when a version is kept, still valid and not ahead of the database. */
    static Start decide(Long last, long minValid, long current) {
        if (last == null) {
            return Start.FIRST;
        }
        return last < minValid || last > current ? Start.RESET : Start.CHANGES;
    }

    /**
     * The changes since a version (the one parameter, a BIGINT): every column of the table in its order, the key
     * columns from the change table so that a deleted row keeps them.
     */
    static String changesSql(String table, List<String> keys, List<String> columns) {
        StringBuilder sql = new StringBuilder("SELECT CASE WHEN T.")
                .append(quote(keys.get(0)))
                .append(" IS NULL THEN N'D' ELSE CT.SYS_CHANGE_OPERATION END AS ")
                .append(quote(OPERATION_COLUMN));
        for (String column : columns) {
            sql.append(", ");
            if (keys.contains(column)) {
                sql.append("CT.").append(quote(column)).append(" AS ").append(quote(column));
            } else {
                sql.append("T.").append(quote(column));
            }
        }
        sql.append(" FROM CHANGETABLE(CHANGES ")
                .append(table)
                .append(", ?) AS CT LEFT OUTER JOIN ")
                .append(table)
                .append(" AS T ON ");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : " AND ")
                    .append("T.")
                    .append(quote(keys.get(i)))
                    .append(" = CT.")
                    .append(quote(keys.get(i)));
        }
        return sql.toString();
    }

    /** The whole table, with the same columns as {@link #changesSql} and a NULL operation. */
    static String wholeSql(String table, List<String> columns) {
        StringBuilder sql = new StringBuilder("SELECT CAST(NULL AS NCHAR(1)) AS ").append(quote(OPERATION_COLUMN));
        for (String column : columns) {
            sql.append(", T.").append(quote(column));
        }
        return sql.append(" FROM ").append(table).append(" AS T").toString();
    }

    String sql() {
        return sql;
    }

    ReadKind kind() {
        return since == null ? ReadKind.FULL : ReadKind.INCREMENTAL;
    }

    /** The version to keep once the batch is committed: the current version read before the rows. */
    Watermark version() {
        return version;
    }

    void bind(PreparedStatement statement) throws SQLException {
        if (since != null) {
            statement.setLong(1, since);
        }
    }

    /** Brackets one identifier, doubling any {@code ]} in it (column names come from the database). */
    static String quote(String identifier) {
        return "[" + identifier.replace("]", "]]") + "]";
    }

    static String quotedTable(String table) {
        StringBuilder quoted = new StringBuilder();
        for (String part : table.split("\\.", -1)) {
            quoted.append(quoted.length() == 0 ? "" : ".").append(quote(part));
        }
        return quoted.toString();
    }

    private static Long lastVersion(SourceEntity entity, Watermark previous) {
        if (previous == null) {
            return null;
        }
        if (!previous.isFor(VERSION_COLUMN) || previous.type() != ValueType.INTEGER) {
            LOG.info(
                    "Entity {} now uses change tracking but its kept watermark is on {}; reading it whole",
                    entity.name(),
                    previous.column());
            return null;
        }
        return (Long) previous.value();
    }

    private static List<String> columnsOf(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
                ResultSet rs = statement.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            return columns;
        }
    }

    /** The key columns as the table spells them; fails when one is not a column of the table. */
    private static List<String> keyColumns(SourceEntity entity, List<String> columns) {
        List<String> keys = new ArrayList<>();
        for (String key : entity.keyColumns()) {
            String found = columns.stream()
                    .filter(c -> c.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> new ExtractException("Entity " + entity.name() + ": key column " + key
                            + " is not a column of " + entity.table() + " (" + columns + "); with change tracking"
                            + " the key columns must be the table's primary key"));
            keys.add(found);
        }
        if (columns.stream().anyMatch(c -> c.equalsIgnoreCase(OPERATION_COLUMN))) {
            throw new ExtractException("Entity " + entity.name() + ": table " + entity.table() + " has a column named "
                    + OPERATION_COLUMN + ", which change tracking reads stage themselves; rename it or read the table"
                    + " without change tracking");
        }
        return keys;
    }

    private static long version(Connection connection, String sql, String table, SourceEntity entity, String scope)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (table != null) {
                statement.setString(1, table);
            }
            try (ResultSet rs = statement.executeQuery()) {
                boolean found = rs.next();
                long value = found ? rs.getLong(1) : 0;
                if (!found || rs.wasNull()) {
                    throw new ExtractException("Entity " + entity.name() + " uses change tracking, but " + sql
                            + " gave NULL: "
                            + ("table".equals(scope)
                                    ? "change tracking is not enabled on table " + entity.table() + ", the table does"
                                            + " not exist, or the login may not see its changes. Run ALTER TABLE "
                                            + entity.table() + " ENABLE CHANGE_TRACKING and GRANT VIEW CHANGE"
                                            + " TRACKING ON " + entity.table() + " to the login"
                                    : "change tracking is not enabled on the database. Run ALTER DATABASE CURRENT SET"
                                            + " CHANGE_TRACKING = ON (CHANGE_RETENTION = 7 DAYS, AUTO_CLEANUP = ON)"));
                }
                return value;
            }
        }
    }
}
