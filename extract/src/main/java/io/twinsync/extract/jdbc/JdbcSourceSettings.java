package io.twinsync.extract.jdbc;

import java.util.Locale;

/**
 * How to reach the source database. Validated when constructed; {@link #toString()} hides the password and any
 * credentials inside the URL.
 *
 * @param url the JDBC URL, e.g. {@code jdbc:sqlserver://erp.example.com;databaseName=erp;encrypt=true}
 * @param username the user, or null when the URL or the driver supplies it
 * @param password the password, or null
 * @param maximumPoolSize connections in the pool, 1 to 100; extraction uses one connection at a time
 * @param fetchSize rows the driver fetches per round trip, 1 to 100,000; bounds the memory used while streaming
 */
public record JdbcSourceSettings(String url, String username, String password, int maximumPoolSize, int fetchSize) {

    public static final int DEFAULT_MAXIMUM_POOL_SIZE = 2;
    public static final int DEFAULT_FETCH_SIZE = 1_000;

    public JdbcSourceSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(
                    "The source JDBC URL is missing; set it, e.g. jdbc:sqlserver://host;databaseName=erp");
        }
        if (!url.strip().toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            throw new IllegalArgumentException("The source URL '" + JdbcUrls.redact(url)
                    + "' is not a JDBC URL; it must start with jdbc:, e.g. jdbc:postgresql://host:5432/erp");
        }
        url = url.strip();
        if (maximumPoolSize < 1 || maximumPoolSize > 100) {
            throw new IllegalArgumentException("The source maximumPoolSize is " + maximumPoolSize
                    + "; set it between 1 and 100 (extraction reads one entity at a time, so 2 is plenty)");
        }
        if (fetchSize < 1 || fetchSize > 100_000) {
            throw new IllegalArgumentException("The source fetchSize is " + fetchSize + "; set it between 1 and"
                    + " 100000 (0 would let some drivers, PostgreSQL among them, load a whole table into memory)");
        }
    }

    /** Settings with the default pool and fetch sizes. */
    public static JdbcSourceSettings of(String url, String username, String password) {
        return new JdbcSourceSettings(url, username, password, DEFAULT_MAXIMUM_POOL_SIZE, DEFAULT_FETCH_SIZE);
    }

    /** The URL with any credentials in it masked, for messages and logs. */
    public String redactedUrl() {
        return JdbcUrls.redact(url);
    }

    @Override
    public String toString() {
        return "JdbcSourceSettings[url=" + redactedUrl() + ", username=" + username + ", password="
                + (password == null ? "(none)" : JdbcUrls.MASK) + ", maximumPoolSize=" + maximumPoolSize
                + ", fetchSize=" + fetchSize + "]";
    }
}
