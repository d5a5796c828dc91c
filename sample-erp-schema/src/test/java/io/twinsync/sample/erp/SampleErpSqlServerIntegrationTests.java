package io.twinsync.sample.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/** Loads the T-SQL schema and the shared seed into a real SQL Server in a container (skipped without Docker). */
@Testcontainers(disabledWithoutDocker = true)
class SampleErpSqlServerIntegrationTests {

    @Container
    private static final MSSQLServerContainer SQL_SERVER =
            new MSSQLServerContainer("mcr.microsoft.com/mssql/server:2022-latest").acceptLicense();

    @Test
    void schemaAndSeedLoadOnSqlServer() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(), SQL_SERVER.getPassword())) {
            // given an empty database
            assertThat(SampleErp.exists(connection)).isFalse();

            // when the sample ERP is created with the T-SQL DDL
            SampleErp.create(connection, SqlDialect.SQLSERVER);

            // then every table is there with its rows, the BIT column took the 'TRUE' literals, NVARCHAR kept
            // the umlaut, and the server gave every row a rowversion
            assertThat(SampleErp.exists(connection)).isTrue();
            assertThat(count(connection, "SELECT COUNT(*) FROM Equipment")).isEqualTo(300);
            assertThat(count(
                            connection,
                            "SELECT COUNT(*) FROM Equipment WHERE EquipmentId = 1 AND AssetTag = 'PMP-0001'"
                                    + " AND Status = 'Running' AND LineId IS NOT NULL AND CostCenterId IS NOT NULL"))
                    .isEqualTo(1);
            assertThat(count(connection, "SELECT COUNT(*) FROM Equipment WHERE IsCritical = 1"))
                    .isPositive();
            assertThat(count(connection, "SELECT COUNT(*) FROM Site WHERE City = N'G\u00f6teborg'"))
                    .isEqualTo(1);
            assertThat(count(connection, "SELECT COUNT(DISTINCT RowVer) FROM Equipment"))
                    .isEqualTo(300);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
