package io.twinsync.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away schema in the real PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres}), for
 * one test: created on {@link #create}, dropped with everything in it on {@link #close}. Guarded by {@link
 * RequiredService}: skipped without PostgreSQL locally, a failure in CI.
 */
public final class PostgresTestSchema implements AutoCloseable {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = "postgres";

    private final String name;
    private final Connection owner;

    private PostgresTestSchema(String name, Connection owner) {
        this.name = name;
        this.owner = owner;
    }

    /** Creates a schema named {@code prefix} plus a random suffix; the owner connection's search path is set to it. */
    public static PostgresTestSchema create(String prefix) throws SQLException {
        RequiredService.assumeReachable("PostgreSQL", "127.0.0.1", 5432);
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Connection owner = DriverManager.getConnection(SERVER, USER, "");
        try (Statement st = owner.createStatement()) {
            st.execute("CREATE SCHEMA " + name);
            st.execute("SET search_path TO " + name);
        } catch (SQLException e) {
            owner.close();
            throw e;
        }
        return new PostgresTestSchema(name, owner);
    }

    public String name() {
        return name;
    }

    /** A JDBC URL whose connections work in this schema. */
    public String url() {
        return SERVER + "?currentSchema=" + name;
    }

    /** The connection that created the schema, working in it. */
    public Connection connection() {
        return owner;
    }

    @Override
    public void close() throws SQLException {
        try (Statement st = owner.createStatement()) {
            st.execute("DROP SCHEMA " + name + " CASCADE");
        } finally {
            owner.close();
        }
    }
}
