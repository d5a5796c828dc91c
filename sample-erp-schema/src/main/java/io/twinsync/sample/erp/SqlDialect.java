package io.twinsync.sample.erp;

import java.util.Locale;

/** The databases the sample ERP schema is written for; each has its own DDL and shares one seed script. */
public enum SqlDialect {
    H2("h2", "jdbc:h2:"),
    POSTGRESQL("postgresql", "jdbc:postgresql:"),
    SQLSERVER("sqlserver", "jdbc:sqlserver:");

    private final String folder;
    private final String urlPrefix;

    SqlDialect(String folder, String urlPrefix) {
        this.folder = folder;
        this.urlPrefix = urlPrefix;
    }

    /** The dialect of a JDBC URL such as {@code jdbc:postgresql://host/db}. */
    public static SqlDialect fromJdbcUrl(String url) {
        if (url != null) {
            String lower = url.toLowerCase(Locale.ROOT);
            for (SqlDialect dialect : values()) {
                if (lower.startsWith(dialect.urlPrefix)) {
                    return dialect;
                }
            }
        }
        throw new IllegalArgumentException("Cannot tell the SQL dialect of JDBC URL '" + prefixOf(url)
                + "'; the sample ERP supports URLs starting with jdbc:h2:, jdbc:postgresql: or jdbc:sqlserver:");
    }

    /** The classpath folder, under the package, that holds this dialect's schema.sql. */
    String folder() {
        return folder;
    }

    // Only the scheme goes into the message: the rest of a URL may carry a password.
    private static String prefixOf(String url) {
        if (url == null) {
            return "null";
        }
        int second = url.indexOf(':', url.indexOf(':') + 1);
        return second < 0 ? url : url.substring(0, second + 1) + "...";
    }
}
