package io.twinsync.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * An H2 file database with {@code Line} (1,000 rows) and {@code Machine} (any number of rows, each on one line),
 * generated inside H2 with {@code INSERT ... SELECT ... FROM SYSTEM_RANGE}, so that generation takes seconds.
 * Values are a function of the row number: the same database every time.
 */
final class GeneratedErp {

    static final int LINES = 1_000;

    private GeneratedErp() {}

    /** The JDBC URL of the database file {@code {path}.mv.db}, in the dialect twinsync's sample ERP uses. */
    static String url(String path) {
        return "jdbc:h2:file:" + path + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
    }

    static void generate(String path, long machines) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(path), "sa", "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements(machines)) {
                statement.execute(sql);
            }
        }
    }

    /**
     * The same tables and values in a PostgreSQL database ({@code jdbcUrl}, for example
     * {@code jdbc:postgresql://127.0.0.1/twinsync_bench?user=postgres}), with {@code generate_series}: a source in
     * another process, reached over TCP, as a real ERP is.
     */
    static void generatePostgres(String jdbcUrl, long machines) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement()) {
            for (String sql : postgresStatements(machines)) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> postgresStatements(long machines) {
        return List.of(
                "DROP TABLE IF EXISTS Machine",
                "DROP TABLE IF EXISTS Line",
                "CREATE TABLE Line (LineId INT PRIMARY KEY, LineCode VARCHAR(20) NOT NULL, Name VARCHAR(100) NOT NULL,"
                        + " ModifiedAt TIMESTAMP NOT NULL)",
                "CREATE TABLE Machine (MachineId BIGINT PRIMARY KEY, AssetTag VARCHAR(20) NOT NULL,"
                        + " Name VARCHAR(100) NOT NULL, Manufacturer VARCHAR(60), SerialNumber VARCHAR(40),"
                        + " Status VARCHAR(20) NOT NULL, IsCritical BOOLEAN NOT NULL, RatedPowerKw DOUBLE PRECISION,"
                        + " RunHours INT, InstalledOn DATE, ModifiedAt TIMESTAMP NOT NULL,"
                        + " LineId INT NOT NULL REFERENCES Line (LineId))",
                "INSERT INTO Line SELECT x, 'L' || LPAD(x::text, 4, '0'), 'Line ' || x,"
                        + " TIMESTAMP '2026-01-01 00:00:00' + x * INTERVAL '1 second'"
                        + " FROM generate_series(1, " + LINES + ") x",
                "INSERT INTO Machine SELECT x, 'M' || LPAD(x::text, 7, '0'), 'Machine ' || x,"
                        + " CASE x % 5 WHEN 0 THEN 'Grundfos' WHEN 1 THEN 'Siemens' WHEN 2 THEN 'ABB'"
                        + " WHEN 3 THEN 'KUKA' ELSE 'Atlas Copco' END,"
                        + " 'SN-' || ((x * 7919) % 100000000)::text,"
                        + " CASE x % 4 WHEN 0 THEN 'Running' WHEN 1 THEN 'Idle' WHEN 2 THEN 'Maintenance'"
                        + " ELSE 'Decommissioned' END,"
                        + " x % 7 = 0, (x % 5000)::float8 / 8 + 0.5, ((x * 37) % 100000)::int,"
                        + " DATE '2026-01-01' - (x % 3650)::int,"
                        + " TIMESTAMP '2026-11-01 00:00:00' - x * INTERVAL '1 second',"
                        + " (x % " + LINES + ")::int + 1 FROM generate_series(1::bigint, " + machines + ") x",
                "ANALYZE");
    }

    private static List<String> statements(long machines) {
        return List.of(
                "DROP TABLE IF EXISTS Machine",
                "DROP TABLE IF EXISTS Line",
                "CREATE TABLE Line (LineId INT PRIMARY KEY, LineCode VARCHAR(20) NOT NULL, Name NVARCHAR(100) NOT NULL,"
                        + " ModifiedAt DATETIME2 NOT NULL)",
                "CREATE TABLE Machine (MachineId BIGINT PRIMARY KEY, AssetTag VARCHAR(20) NOT NULL,"
                        + " Name NVARCHAR(100) NOT NULL, Manufacturer NVARCHAR(60), SerialNumber VARCHAR(40),"
                        + " Status VARCHAR(20) NOT NULL, IsCritical BIT NOT NULL, RatedPowerKw FLOAT,"
                        + " RunHours INT, InstalledOn DATE, ModifiedAt DATETIME2 NOT NULL,"
                        + " LineId INT NOT NULL REFERENCES Line (LineId))",
                "INSERT INTO Line SELECT X, 'L' || LPAD(CAST(X AS VARCHAR), 4, '0'), 'Line ' || X,"
                        + " DATEADD(SECOND, X, TIMESTAMP '2026-01-01 00:00:00') FROM SYSTEM_RANGE(1, " + LINES + ")",
                "INSERT INTO Machine SELECT X, 'M' || LPAD(CAST(X AS VARCHAR), 7, '0'), 'Machine ' || X,"
                        + " CASE MOD(X, 5) WHEN 0 THEN 'Grundfos' WHEN 1 THEN 'Siemens' WHEN 2 THEN 'ABB'"
                        + " WHEN 3 THEN 'KUKA' ELSE 'Atlas Copco' END,"
                        + " 'SN-' || CAST(MOD(X * 7919, 100000000) AS VARCHAR),"
                        + " CASE MOD(X, 4) WHEN 0 THEN 'Running' WHEN 1 THEN 'Idle' WHEN 2 THEN 'Maintenance'"
                        + " ELSE 'Decommissioned' END,"
                        + " MOD(X, 7) = 0, CAST(MOD(X, 5000) AS DOUBLE) / 8 + 0.5, CAST(MOD(X * 37, 100000) AS INT),"
                        + " DATEADD(DAY, -MOD(X, 3650), DATE '2026-01-01'),"
                        + " DATEADD(SECOND, -X, TIMESTAMP '2026-11-01 00:00:00'),"
                        + " CAST(MOD(X, " + LINES + ") + 1 AS INT) FROM SYSTEM_RANGE(1, " + machines + ")");
    }
}
