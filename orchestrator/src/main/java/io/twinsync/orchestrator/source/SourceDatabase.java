package io.twinsync.orchestrator.source;

import com.zaxxer.hikari.HikariDataSource;
import io.twinsync.extract.jdbc.JdbcSourceSettings;
import io.twinsync.extract.jdbc.JdbcSources;
import io.twinsync.extract.jdbc.JdbcUrls;
import io.twinsync.orchestrator.config.InvalidSettingException;
import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.sample.erp.SampleErp;
import io.twinsync.sample.erp.SqlDialect;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The source database, opened on first use. Without a configured URL it is the embedded sample ERP: an H2 file
 * database in SQL Server mode under {@code home/sample-erp}, created and seeded the first time.
 */
@Component
public class SourceDatabase implements DisposableBean {

    private static final String H2_OPTIONS =
            ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";

    private final TwinsyncProperties properties;
    private HikariDataSource dataSource;

    public SourceDatabase(TwinsyncProperties properties) {
        this.properties = properties;
    }

    public synchronized DataSource dataSource() {
        if (dataSource == null) {
            TwinsyncProperties.Source source = properties.source();
            if (!source.embedded()) {
                checkDriver(source.url());
            }
            dataSource = JdbcSources.open(new JdbcSourceSettings(
                    url(), source.username(), source.password(), source.maximumPoolSize(), source.fetchSize()));
            if (source.embedded()) {
                SampleErp.createIfMissing(dataSource, SqlDialect.H2);
            }
        }
        return dataSource;
    }

    /**
     * Refuses a URL no driver here accepts, naming the setting: the pool would otherwise fail with the driver
     * manager's words, which name neither the setting nor the drivers there are.
     */
    private static void checkDriver(String url) {
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new InvalidSettingException(
                    "twinsync.source.url",
                    JdbcUrls.redact(url),
                    "no JDBC driver accepts this URL. twinsync has drivers for SQL Server (jdbc:sqlserver://...),"
                            + " PostgreSQL (jdbc:postgresql://...) and H2 (jdbc:h2:...); check the part after jdbc:");
        }
    }

    public int fetchSize() {
        return properties.source().fetchSize();
    }

    /** The source for messages: the URL without secrets. */
    public String description() {
        return properties.source().embedded() ? "embedded sample ERP (" + url() + ")" : JdbcUrls.redact(url());
    }

    /** The source's JDBC URL without credentials: what its sync state is kept for. */
    public String identity() {
        return JdbcUrls.redact(url());
    }

    private String url() {
        TwinsyncProperties.Source source = properties.source();
        if (source.embedded()) {
            return "jdbc:h2:file:" + properties.home().resolve("sample-erp").resolve("erp") + H2_OPTIONS;
        }
        return source.url();
    }

    @Override
    public synchronized void destroy() {
        if (dataSource != null) {
            dataSource.close();
        }
    }
}
