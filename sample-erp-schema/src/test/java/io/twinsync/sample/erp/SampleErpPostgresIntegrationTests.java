package io.twinsync.sample.erp;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.testsupport.PostgresTestSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Loads the PostgreSQL schema and the shared seed into a throw-away schema of the real server. */
class SampleErpPostgresIntegrationTests {

    private PostgresTestSchema schema;
    private Connection connection;

    @BeforeEach
    void openFreshSchema() throws SQLException {
        schema = PostgresTestSchema.create("erp_it_");
        connection = schema.connection();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void schemaAndSeedLoadOnPostgres() throws SQLException {
        // given an empty schema
        assertThat(SampleErp.exists(connection)).isFalse();

        // when the sample ERP is created with the PostgreSQL DDL
        SampleErp.create(connection, SqlDialect.POSTGRESQL);

        // then every table is there with its rows, and equipment 1 is the documented pump
        assertThat(SampleErp.exists(connection)).isTrue();
        assertThat(count("SELECT COUNT(*) FROM Equipment")).isEqualTo(300);
        assertThat(count("SELECT COUNT(*) FROM ProductionLine")).isEqualTo(24);
        assertThat(count("SELECT COUNT(*) FROM Equipment WHERE AssetTag = 'PMP-0001' AND EquipmentId = 1"
                        + " AND Status = 'Running' AND LineId IS NOT NULL AND CostCenterId IS NOT NULL"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM Equipment WHERE IsCritical")).isPositive();
    }

    @Test
    void aGeneratedDataSetPassesPostgresqlsConstraints() throws SQLException {
        // given the sample ERP on PostgreSQL, whose schema checks Category and Status and every foreign key
        SampleErp.create(connection, SqlDialect.POSTGRESQL);

        // when it is filled with a generated data set
        io.twinsync.sample.erp.generate.GeneratedSizes sizes = io.twinsync.sample.erp.generate.GeneratedSizes.of(3_000);
        long before = new io.twinsync.sample.erp.generate.SampleErpGenerator(sizes, 3).fill(connection, done -> {});

        // then the seed was replaced and every generated row was accepted
        assertThat(before).isEqualTo(347);
        assertThat(count("SELECT COUNT(*) FROM Equipment")).isEqualTo(sizes.equipment());
        assertThat(count("SELECT COUNT(*) FROM ProductionLine")).isEqualTo(sizes.lines());
        assertThat(count("SELECT COUNT(*) FROM Site")).isEqualTo(sizes.sites());
    }

    @Test
    void postgresFoldsTheNamesToLowerCase() throws SQLException {
        // given the sample ERP on PostgreSQL
        SampleErp.create(connection, SqlDialect.POSTGRESQL);

        // when a query uses the SQL Server spelling
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT EquipmentId, AssetTag FROM Equipment WHERE EquipmentId = 1")) {
            // then it works, and the result labels are the folded names (staged-row look-up ignores case)
            assertThat(rs.next()).isTrue();
            assertThat(rs.getMetaData().getColumnLabel(2)).isEqualTo("AssetTag".toLowerCase(Locale.ROOT));
            assertThat(rs.getString("AssetTag")).isEqualTo("PMP-0001");
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
