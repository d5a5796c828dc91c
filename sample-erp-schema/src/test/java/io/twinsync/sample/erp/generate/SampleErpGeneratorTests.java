package io.twinsync.sample.erp.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.sample.erp.SampleErp;
import io.twinsync.sample.erp.SqlDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The generator on H2 in the sample ERP's SQL Server mode, as the embedded sample ERP is. */
class SampleErpGeneratorTests {

    @Test
    void theSameSeedAndSizeGiveTheSameRowsValueForValue() throws SQLException {
        try (Connection first = sampleErp();
                Connection second = sampleErp()) {
            // when two databases are filled alike
            new SampleErpGenerator(GeneratedSizes.of(2_000), 7).fill(first, done -> {});
            new SampleErpGenerator(GeneratedSizes.of(2_000), 7).fill(second, done -> {});

            // then every table holds the same rows
            for (String table : SampleErp.TABLES) {
                assertThat(dump(second, table)).as(table).isEqualTo(dump(first, table));
            }
            // and another seed gives other values
            new SampleErpGenerator(GeneratedSizes.of(2_000), 8).fill(second, done -> {});
            assertThat(dump(second, "Equipment")).isNotEqualTo(dump(first, "Equipment"));
        }
    }

    @Test
    void theRowsKeepTheSampleMixTheForeignKeysAndTheAllowedValues() throws SQLException {
        try (Connection erp = sampleErp()) {
            // when
            GeneratedSizes sizes = GeneratedSizes.of(5_000);
            long before = new SampleErpGenerator(sizes, SampleErpGenerator.DEFAULT_SEED).fill(erp, done -> {});

            // then the seed's rows were replaced by exactly the planned ones
            assertThat(before).isEqualTo(347);
            assertThat(count(erp, "SELECT COUNT(*) FROM CostCenter")).isEqualTo(sizes.costCenters());
            assertThat(count(erp, "SELECT COUNT(*) FROM Site")).isEqualTo(sizes.sites());
            assertThat(count(erp, "SELECT COUNT(*) FROM Building")).isEqualTo(sizes.buildings());
            assertThat(count(erp, "SELECT COUNT(*) FROM ProductionLine")).isEqualTo(sizes.lines());
            assertThat(count(erp, "SELECT COUNT(*) FROM Equipment")).isEqualTo(sizes.equipment());
            // every site has a building, every building a line (the twins' containment is never empty)
            assertThat(count(
                            erp,
                            "SELECT COUNT(*) FROM Site s WHERE NOT EXISTS"
                                    + " (SELECT 1 FROM Building b WHERE b.SiteId = s.SiteId)"))
                    .isZero();
            assertThat(count(
                            erp,
                            "SELECT COUNT(*) FROM Building b WHERE NOT EXISTS"
                                    + " (SELECT 1 FROM ProductionLine l WHERE l.BuildingId = b.BuildingId)"))
                    .isZero();
            // the seed's shares: some spares (no line), most running, a few without cost centre
            double equipment = sizes.equipment();
            assertThat(count(erp, "SELECT COUNT(*) FROM Equipment WHERE LineId IS NULL") / equipment)
                    .isBetween(0.05, 0.09);
            assertThat(count(erp, "SELECT COUNT(*) FROM Equipment WHERE Status = 'Running'") / equipment)
                    .isBetween(0.65, 0.82);
            assertThat(count(erp, "SELECT COUNT(*) FROM Equipment WHERE CostCenterId IS NULL") / equipment)
                    .isBetween(0.04, 0.08);
            // the values the SQL Server and PostgreSQL schemas' CHECK constraints allow (H2's schema has none)
            assertThat(count(
                            erp,
                            "SELECT COUNT(*) FROM Equipment WHERE Category NOT IN ('Pump', 'Motor', 'Conveyor',"
                                    + " 'Robot', 'Press', 'Sensor', 'Compressor')"))
                    .isZero();
            assertThat(count(
                            erp,
                            "SELECT COUNT(*) FROM Equipment WHERE Status NOT IN ('Running', 'Idle',"
                                    + " 'Maintenance', 'Decommissioned')"))
                    .isZero();
            assertThat(count(erp, "SELECT COUNT(DISTINCT AssetTag) FROM Equipment"))
                    .isEqualTo(sizes.equipment());
        }
    }

    private static Connection sampleErp() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:h2:mem:gen-" + UUID.randomUUID()
                + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        SampleErp.create(connection, SqlDialect.H2);
        return connection;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> dump(Connection connection, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(result.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
