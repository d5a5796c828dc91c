package io.twinsync.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.twinsync.extract.ExtractException;
import java.sql.Connection;
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
        // given a driver that quotes the URL (with a password inside) and the password in its login error
        LeakyDriver.register();
        JdbcSourceSettings settings = JdbcSourceSettings.of(
                LeakyDriver.PREFIX + "//erp/erp?password=url-secret;fail=connect", "erp", "wrong-password");

        // when the pool is opened / then the error says what to check, and nothing in it or its causes reveals
        // either secret
        assertThatThrownBy(() -> JdbcSources.open(settings))
                .isInstanceOf(ExtractException.class)
                .hasMessageContaining("Cannot connect to the source database")
                .hasMessageContaining("as erp")
                .hasMessageContaining("Check the URL, user and password")
                .hasMessageContaining("Login failed")
                .satisfies(e -> assertThat(Revealed.texts(e))
                        .isNotEmpty()
                        .noneMatch(text -> text.contains("wrong-password") || text.contains("url-secret")))
                .satisfies(e -> assertThat(e.getCause())
                        .as("the cause is kept, scrubbed")
                        .isNotNull());
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
