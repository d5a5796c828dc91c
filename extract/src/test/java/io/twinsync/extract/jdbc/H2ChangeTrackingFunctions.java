package io.twinsync.extract.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Stand-ins for SQL Server's change tracking functions in H2, registered with {@code CREATE ALIAS} by {@link
 * #install}: the versions come from a one-row table {@code CtVersions(CurrentVersion, MinValidVersion)} that a test
 * sets. H2 has no {@code CHANGETABLE}, so only whole reads run; public because H2 calls the methods.
 */
public final class H2ChangeTrackingFunctions {

    private H2ChangeTrackingFunctions() {}

    static void install(Connection db) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TABLE CtVersions (CurrentVersion BIGINT, MinValidVersion BIGINT)");
            st.execute("INSERT INTO CtVersions VALUES (NULL, NULL)");
            String self = H2ChangeTrackingFunctions.class.getName();
            st.execute("CREATE ALIAS CHANGE_TRACKING_CURRENT_VERSION FOR '" + self + ".currentVersion'");
            st.execute("CREATE ALIAS CHANGE_TRACKING_MIN_VALID_VERSION FOR '" + self + ".minValidVersion'");
            st.execute("CREATE ALIAS OBJECT_ID FOR '" + self + ".objectId'");
        }
    }

    static void set(Connection db, Long current, Long minValid) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("UPDATE CtVersions SET CurrentVersion = " + current + ", MinValidVersion = " + minValid);
        }
    }

    public static Long currentVersion(Connection connection) throws SQLException {
        return read(connection, "CurrentVersion");
    }

    public static Long minValidVersion(Connection connection, String objectId) throws SQLException {
        return objectId == null ? null : read(connection, "MinValidVersion");
    }

    public static String objectId(String name) {
        return name;
    }

    private static Long read(Connection connection, String column) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + column + " FROM CtVersions")) {
            rs.next();
            long value = rs.getLong(1);
            return rs.wasNull() ? null : value;
        }
    }
}
