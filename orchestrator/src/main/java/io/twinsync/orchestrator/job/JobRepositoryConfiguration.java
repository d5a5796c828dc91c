package io.twinsync.orchestrator.job;

import javax.sql.DataSource;
import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Spring Batch on a JDBC job repository in the {@link JobsDatabase}, apart from the source database: a batch's job
 * and step executions survive the process, which is what makes {@code run --resume} possible. Replaces Spring Boot's
 * batch auto-configuration, which would look for a single application data source (twinsync has none: the source is
 * opened by the extract, on demand).
 */
@Configuration(proxyBeanMethods = false)
public class JobRepositoryConfiguration extends JdbcDefaultBatchConfiguration {

    private final JobsDatabase database;
    private final PlatformTransactionManager transactions;

    public JobRepositoryConfiguration(JobsDatabase database) {
        this.database = database;
        this.transactions = new JdbcTransactionManager(database.dataSource());
    }

    @Override
    protected DataSource getDataSource() {
        return database.dataSource();
    }

    @Override
    protected PlatformTransactionManager getTransactionManager() {
        return transactions;
    }

    /** Told from the URL: Spring Batch would otherwise connect at start-up to ask, for every command. */
    @Override
    protected String getDatabaseType() {
        return database.databaseType();
    }
}
