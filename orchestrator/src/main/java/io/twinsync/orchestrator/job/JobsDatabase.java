package io.twinsync.orchestrator.job;

import com.zaxxer.hikari.HikariDataSource;
import io.twinsync.extract.jdbc.JdbcUrls;
import io.twinsync.orchestrator.config.TwinsyncProperties;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * The database of Spring Batch's job repository: where every batch's job and step executions live, so that a failed
 * or killed batch can be resumed. By default an H2 file under {@code home/jobs} (nothing to install); PostgreSQL or
 * SQL Server / Azure SQL when {@code twinsync.jobs.url} names one. Spring Batch's own schema is created on first use.
 *
 * <p>Opened on first use: commands that never touch a batch (say {@code twin} or {@code emulator}) never open it.
 */
@Component
public class JobsDatabase implements DisposableBean {

    /** The pool's name, as it appears in HikariCP's logs. */
    static final String POOL_NAME = "twinsync-jobs";

    /**
     * {@code AUTO_SERVER}: a second process (say {@code twinsync status} during a run) reaches the file through the
     * first one instead of failing on H2's file lock. {@code WRITE_DELAY=0}: a commit reaches the file at once; by
     * default H2 holds commits in memory for up to 500 ms, and a killed run would lose the last of its progress
     * (seen: a run killed half a second into its extract left an empty job repository).
     */
    private static final String H2_OPTIONS = ";AUTO_SERVER=TRUE;WRITE_DELAY=0";

    private final String url;
    private final String username;
    private final String password;
    private final String databaseType;
    private final SchemaOnFirstUse dataSource;

    public JobsDatabase(TwinsyncProperties properties) {
        TwinsyncProperties.Jobs jobs = properties.jobs();
        this.url = jobs.embedded()
                ? "jdbc:h2:file:" + properties.home().resolve("jobs").resolve("jobs") + H2_OPTIONS
                : jobs.url().strip();
        this.username = jobs.embedded() ? "sa" : jobs.username();
        this.password = jobs.embedded() ? "" : jobs.password();
        this.databaseType = jobs.databaseType();
        this.dataSource = new SchemaOnFirstUse(pool(), schemaScript(databaseType));
    }

    /** The pool, started on its first connection (HikariCP starts a pool made this way lazily). */
    private HikariDataSource pool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName(POOL_NAME);
        pool.setJdbcUrl(url);
        pool.setUsername(username);
        pool.setPassword(password);
        // Job and step executions are a few rows per step; partitions update theirs from their own threads.
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(0);
        return pool;
    }

    /** The job repository's data source, which creates Spring Batch's tables the first time it is used. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Spring Batch's name for the database type, told from the URL so that nothing connects at start-up. */
    public String databaseType() {
        return databaseType;
    }

    /** Where the job repository is, without credentials, for messages. */
    public String description() {
        return JdbcUrls.redact(url);
    }

    private static String schemaScript(String databaseType) {
        String platform =
                switch (databaseType) {
                    case "H2" -> "h2";
                    case "POSTGRES" -> "postgresql";
                    case "SQLSERVER" -> "sqlserver";
                    default -> throw new IllegalStateException(databaseType);
                };
        return "org/springframework/batch/core/schema-" + platform + ".sql";
    }

    @Override
    public void destroy() {
        ((HikariDataSource) dataSource.getTargetDataSource()).close();
    }

    /** Creates Spring Batch's tables before the first connection is handed out, unless they exist. */
    private static final class SchemaOnFirstUse extends DelegatingDataSource {

        private final String script;
        private volatile boolean ready;

        SchemaOnFirstUse(DataSource pool, String script) {
            super(pool);
            this.script = script;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (!ready) {
                createSchema();
            }
            return super.getConnection();
        }

        private synchronized void createSchema() throws SQLException {
            if (ready) {
                return;
            }
            try (Connection connection = obtainTargetDataSource().getConnection()) {
                if (!tablesExist(connection)) {
                    try {
                        new ResourceDatabasePopulator(new ClassPathResource(script)).populate(connection);
                    } catch (RuntimeException e) {
                        // Another process may have created them meanwhile; anything else is a real failure.
                        if (!tablesExist(connection)) {
                            throw e;
                        }
                    }
                }
            }
            ready = true;
        }

        /** Asks the catalogue rather than querying the table, which would leave an error in the database's log. */
        private static boolean tablesExist(Connection connection) throws SQLException {
            DatabaseMetaData catalogue = connection.getMetaData();
            // In the connection's own schema only (tables of the same name elsewhere are another repository's);
            // stored upper case by H2 and SQL Server, lower case by PostgreSQL.
            String schema = connection.getSchema();
            for (String name : new String[] {"BATCH_JOB_INSTANCE", "batch_job_instance"}) {
                try (ResultSet tables = catalogue.getTables(null, schema, name, new String[] {"TABLE"})) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
