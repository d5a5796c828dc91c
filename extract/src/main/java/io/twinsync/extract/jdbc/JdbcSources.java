package io.twinsync.extract.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.twinsync.extract.ExtractException;

/** Opens the connection pool to the source database. */
public final class JdbcSources {

    /** The pool's name, as it appears in HikariCP's logs and metrics. */
    public static final String POOL_NAME = "twinsync-source";

    private JdbcSources() {}

    /**
     * Opens a pool of read-only connections (drivers that cannot enforce read-only treat it as a hint) and checks
     * that it can connect. The caller closes the pool.
     */
    public static HikariDataSource open(JdbcSourceSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maximumPoolSize());
        // Extraction reads one entity at a time: keep one connection warm, not the whole pool.
        config.setMinimumIdle(1);
        config.setReadOnly(true);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw failure(
                    settings,
                    "Cannot connect to the source database " + settings.redactedUrl() + " as "
                            + (settings.username() == null ? "the driver's default user" : settings.username())
                            + ": " + cause.getMessage() + ". Check the URL, user and password, and that the"
                            + " database accepts connections from here",
                    cause);
        } catch (RuntimeException e) {
            throw failure(
                    settings,
                    "Cannot open the source pool for " + settings.redactedUrl() + ": " + e.getMessage()
                            + ". Check the URL and that the JDBC driver for it is on the classpath",
                    e);
        }
    }

    /** An exception whose message, and chained cause, carry no credentials (see {@link Secrets}). */
    private static ExtractException failure(JdbcSourceSettings settings, String message, Throwable cause) {
        return Secrets.of(settings).failure(message, cause);
    }
}
