package io.twinsync.sample.erp;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Creates the sample ERP: five tables and their seed rows, from the scripts under {@code io/twinsync/sample/erp/}.
 * The DDL differs per {@link SqlDialect}; the seed script is the same for all.
 */
public final class SampleErp {

    /** The tables, parents before children (the order to create and fill them in). */
    public static final List<String> TABLES = List.of("CostCenter", "Site", "Building", "ProductionLine", "Equipment");

    private static final String BASE = "/io/twinsync/sample/erp/";
    private static final System.Logger LOG = System.getLogger(SampleErp.class.getName());

    private SampleErp() {}

    /** Whether every sample ERP table exists in the connection's current schema. */
    public static boolean exists(Connection c) {
        return presentTables(c).size() == TABLES.size();
    }

    /**
     * Creates the tables and inserts the seed rows in one transaction, and commits. A failure rolls back and names
     * the script, line and statement that failed. (H2 commits DDL statements by itself, so there a failure can
     * leave tables behind.)
     */
    public static void create(Connection c, SqlDialect dialect) {
        List<SqlScript> scripts =
                List.of(SqlScript.load(BASE + dialect.folder() + "/schema.sql"), SqlScript.load(BASE + "seed.sql"));
        try {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                int statements = 0;
                for (SqlScript script : scripts) {
                    statements += run(c, script);
                }
                c.commit();
                LOG.log(Level.INFO, "Created the sample ERP ({0} statements) for {1}", statements, dialect);
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new SampleErpException(
                    "Cannot create the sample ERP for " + dialect + ": " + e.getMessage() + " [SQLState "
                            + e.getSQLState() + "]",
                    e);
        }
    }

    /** Creates the sample ERP unless all its tables are there already; a partial set of tables is an error. */
    public static void createIfMissing(DataSource ds, SqlDialect dialect) {
        try (Connection c = ds.getConnection()) {
            createIfMissing(c, dialect);
        } catch (SQLException e) {
            throw new SampleErpException(
                    "Cannot connect to create the sample ERP for " + dialect + ": " + e.getMessage(), e);
        }
    }

    /** {@link #createIfMissing(DataSource, SqlDialect)} on a connection the caller holds (and made writable). */
    public static void createIfMissing(Connection c, SqlDialect dialect) {
        Set<String> present = presentTables(c);
        if (present.size() == TABLES.size()) {
            LOG.log(Level.DEBUG, "The sample ERP tables exist already; leaving them as they are");
            return;
        }
        if (!present.isEmpty()) {
            List<String> missing = new ArrayList<>(TABLES);
            missing.removeAll(present);
            throw new SampleErpException("The database has some sample ERP tables " + present + " but not " + missing
                    + "; drop the ones that are there, or point at an empty schema, and try again");
        }
        create(c, dialect);
    }

    private static int run(Connection c, SqlScript script) {
        int number = 0;
        try (Statement statement = c.createStatement()) {
            for (SqlScript.Statement s : script.statements()) {
                number++;
                try {
                    statement.execute(s.sql());
                } catch (SQLException e) {
                    throw new SampleErpException(
                            "Statement " + number + " (line " + s.line() + ") of " + script.resource() + " failed: "
                                    + e.getMessage() + " [SQLState " + e.getSQLState() + "]; the transaction was"
                                    + " rolled back. Statement: " + abbreviate(s.sql()),
                            e);
                }
            }
        } catch (SQLException e) {
            throw new SampleErpException("Cannot run " + script.resource() + ": " + e.getMessage(), e);
        }
        return number;
    }

    /** The sample ERP tables present in the current schema, spelled as in {@link #TABLES}, in that order. */
    private static Set<String> presentTables(Connection c) {
        try {
            DatabaseMetaData meta = c.getMetaData();
            Set<String> found = new HashSet<>();
            try (ResultSet tables =
                    meta.getTables(c.getCatalog(), escape(c.getSchema(), meta), "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    found.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            Set<String> present = new LinkedHashSet<>();
            for (String table : TABLES) {
                if (found.contains(table.toLowerCase(Locale.ROOT))) {
                    present.add(table);
                }
            }
            return present;
        } catch (SQLException e) {
            throw new SampleErpException("Cannot list the tables of the current schema: " + e.getMessage(), e);
        }
    }

    // Schema names are patterns in getTables; an underscore in a generated schema name must match only itself.
    private static String escape(String schema, DatabaseMetaData meta) throws SQLException {
        if (schema == null) {
            return null;
        }
        String escape = meta.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return schema;
        }
        return schema.replace(escape, escape + escape)
                .replace("_", escape + "_")
                .replace("%", escape + "%");
    }

    private static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static String abbreviate(String sql) {
        String flat = sql.replaceAll("\\s+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }
}
