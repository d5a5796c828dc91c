package io.twinsync.extract.jdbc;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver for {@code jdbc:twinsync-leaky:} URLs that fails the way careless drivers do, quoting the URL and the
 * password in its messages. {@code ...;fail=connect} refuses the login; otherwise it connects, and queries fail
 * with the connection "reset": when prepared, or with {@code ;fail=fetch} when the first row is fetched.
 */
final class LeakyDriver implements Driver {

    static final String PREFIX = "jdbc:twinsync-leaky:";

    private static final LeakyDriver INSTANCE = new LeakyDriver();
    private static boolean registered;

    private LeakyDriver() {}

    static synchronized void register() throws SQLException {
        if (!registered) {
            DriverManager.registerDriver(INSTANCE);
            registered = true;
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        String password = info.getProperty("password");
        if (url.contains(";fail=connect")) {
            throw new SQLException(
                    "Login failed for user '" + info.getProperty("user") + "' with password '" + password + "' at "
                            + url,
                    "28000");
        }
        return connection(url, password);
    }

    /**
     * A connection that answers every call with a harmless default. With {@code ;fail=fetch} a query returns one
     * INTEGER column {@code Id} and fetching its first row fails; otherwise preparing any statement fails.
     */
    private static Connection connection(String url, String password) {
        SQLException reset = new SQLException(
                "Connection reset while talking to " + url + " (user password " + password + ")", "08S01");
        boolean failOnFetch = url.contains(";fail=fetch");
        ResultSetMetaData meta = stub(ResultSetMetaData.class, (name, args) -> switch (name) {
            case "getColumnCount" -> 1;
            case "getColumnLabel", "getColumnName" -> "Id";
            case "getColumnType" -> Types.INTEGER;
            case "getColumnTypeName" -> "INTEGER";
            case "getPrecision" -> 10;
            default -> DEFAULT;
        });
        ResultSet rows = stub(ResultSet.class, (name, args) -> switch (name) {
            case "getMetaData" -> meta;
            case "next" -> throw reset;
            default -> DEFAULT;
        });
        PreparedStatement statement =
                stub(PreparedStatement.class, (name, args) -> name.equals("executeQuery") ? rows : DEFAULT);
        return stub(Connection.class, (name, args) -> {
            if (name.startsWith("prepare") || name.equals("createStatement")) {
                if (failOnFetch) {
                    return statement;
                }
                throw reset;
            }
            return name.equals("isValid") || name.equals("getAutoCommit") ? true : DEFAULT;
        });
    }

    /** Marks "answer with the return type's default value". */
    private static final Object DEFAULT = new Object();

    @FunctionalInterface
    private interface Answer {
        Object answer(String method, Object[] args) throws Throwable;
    }

    private static <T> T stub(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(
                LeakyDriver.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "toString":
                            return "Leaky" + type.getSimpleName();
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            Object value = answer.answer(method.getName(), args);
                            return value == DEFAULT ? defaultValue(method.getReturnType()) : value;
                    }
                }));
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }
}
