package io.twinsync.sample.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlDialectTests {

    @Test
    void recognisesEachSupportedUrl() {
        // given / when / then
        assertThat(SqlDialect.fromJdbcUrl("jdbc:h2:mem:erp;MODE=MSSQLServer")).isEqualTo(SqlDialect.H2);
        assertThat(SqlDialect.fromJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test"))
                .isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(SqlDialect.fromJdbcUrl("JDBC:SQLSERVER://erp.example.com;databaseName=erp"))
                .isEqualTo(SqlDialect.SQLSERVER);
    }

    @Test
    void anUnknownUrlFailsWithoutEchoingItsCredentials() {
        // given a URL of an unsupported database that carries a password
        String url = "jdbc:mysql://erp:3306/erp?user=sa&password=secret";

        // when / then the message names the scheme and the supported ones, but not the password
        assertThatThrownBy(() -> SqlDialect.fromJdbcUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql:")
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("secret");
    }
}
