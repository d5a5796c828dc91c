package io.twinsync.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.twinsync.extract.ExtractException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JdbcSourcesTests {

    @Test
    void thePoolIsNamedAndHandsOutReadOnlyConnections() throws SQLException {
        // given settings for an in-memory database
        JdbcSourceSettings settings = JdbcSourceSettings.of("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "");

        // when the pool is opened
        try (HikariDataSource pool = JdbcSources.open(settings);
                Connection connection = pool.getConnection()) {
            // then it carries twinsync's pool name and asks for read-only connections (H2 ignores the request;
            // the PostgreSQL integration test shows a write being refused)
            assertThat(pool.getPoolName()).isEqualTo("twinsync-source");
            assertThat(pool.getMaximumPoolSize()).isEqualTo(JdbcSourceSettings.DEFAULT_MAXIMUM_POOL_SIZE);
            assertThat(pool.isReadOnly()).isTrue();
            assertThat(connection.isValid(1)).isTrue();
        }
    }

    @Test
    void aWrongPasswordFailsWithoutRevealingIt() throws SQLException {
        // given a database whose user has a password, kept open by a first connection
        String url = "jdbc:h2:mem:" + UUID.randomUUID();
        try (Connection owner = DriverManager.getConnection(url, "erp", "right-password")) {
            assertThat(owner.isValid(1)).isTrue();
            JdbcSourceSettings settings = JdbcSourceSettings.of(url, "erp", "wrong-password");

            // when the pool is opened with the wrong password / then the error says what to check, not the secret
            assertThatThrownBy(() -> JdbcSources.open(settings))
                    .isInstanceOf(ExtractException.class)
                    .hasMessageContaining("Cannot connect to the source database")
                    .hasMessageContaining("as erp")
                    .hasMessageContaining("Check the URL, user and password")
                    .hasMessageNotContaining("wrong-password");
        }
    }

    @Test
    void anUnknownDriverFailsWithoutRevealingUrlCredentials() {
        // given a URL no driver accepts, with a password inside it
        JdbcSourceSettings settings = JdbcSourceSettings.of("jdbc:nosuchdb://erp/erp?password=hunter22", null, null);

        // when / then the message names the redacted URL and the likely fix, and no cause leaks the password
        assertThatThrownBy(() -> JdbcSources.open(settings))
                .isInstanceOf(ExtractException.class)
                .hasMessageContaining("password=****")
                .hasMessageContaining("driver")
                .hasMessageNotContaining("hunter22")
                .satisfies(e -> {
                    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("hunter22");
                    }
                });
    }
}
