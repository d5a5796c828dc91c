package io.twinsync.sample.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SampleErpTests {

    private JdbcDataSource dataSource;
    private Connection keepAlive;

    @BeforeEach
    void openDatabase() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:erp-" + UUID.randomUUID()
                + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        // An in-memory H2 database lives as long as one connection to it is open.
        keepAlive = dataSource.getConnection();
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        keepAlive.close();
    }

    @Test
    void createMakesEveryTable() throws SQLException {
        // given an empty database
        assertThat(SampleErp.exists(keepAlive)).isFalse();

        // when the sample ERP is created
        SampleErp.create(keepAlive, SqlDialect.H2);

        // then all its tables exist
        assertThat(SampleErp.exists(keepAlive)).isTrue();
    }

    @Test
    void seedFillsEveryTableWithTheDocumentedCounts() throws SQLException {
        // given the sample ERP
        SampleErp.create(keepAlive, SqlDialect.H2);

        // when the rows are counted / then they match the README
        assertThat(count("SELECT COUNT(*) FROM CostCenter")).isEqualTo(12);
        assertThat(count("SELECT COUNT(*) FROM Site")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM Building")).isEqualTo(8);
        assertThat(count("SELECT COUNT(*) FROM ProductionLine")).isEqualTo(24);
        assertThat(count("SELECT COUNT(*) FROM Equipment")).isEqualTo(300);
    }

    @Test
    void noRowPointsAtAMissingParent() throws SQLException {
        // given the sample ERP
        SampleErp.create(keepAlive, SqlDialect.H2);

        // when child rows are joined to their parents / then none is an orphan
        assertThat(count("SELECT COUNT(*) FROM CostCenter c LEFT JOIN CostCenter p"
                        + " ON p.CostCenterId = c.ParentCostCenterId"
                        + " WHERE c.ParentCostCenterId IS NOT NULL AND p.CostCenterId IS NULL"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM Building b LEFT JOIN Site s ON s.SiteId = b.SiteId"
                        + " WHERE s.SiteId IS NULL"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM ProductionLine l LEFT JOIN Building b ON b.BuildingId = l.BuildingId"
                        + " WHERE b.BuildingId IS NULL"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM Equipment e LEFT JOIN ProductionLine l ON l.LineId = e.LineId"
                        + " WHERE e.LineId IS NOT NULL AND l.LineId IS NULL"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM Equipment e LEFT JOIN CostCenter c ON c.CostCenterId = e.CostCenterId"
                        + " WHERE e.CostCenterId IS NOT NULL AND c.CostCenterId IS NULL"))
                .isZero();
    }

    @Test
    void costCentresFormATwoLevelTree() throws SQLException {
        // given the sample ERP
        SampleErp.create(keepAlive, SqlDialect.H2);

        // when cost centres are grouped by level / then there are roots, and every child's parent is a root
        assertThat(count("SELECT COUNT(*) FROM CostCenter WHERE ParentCostCenterId IS NULL"))
                .isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM CostCenter c JOIN CostCenter p ON p.CostCenterId ="
                        + " c.ParentCostCenterId WHERE p.ParentCostCenterId IS NOT NULL"))
                .isZero();
    }

    @Test
    void equipmentOneIsTheRunningPumpThatTheReadmeDescribes() throws SQLException {
        // given the sample ERP
        SampleErp.create(keepAlive, SqlDialect.H2);

        // when equipment 1 is read
        try (Statement st = keepAlive.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT AssetTag, Status, Category, LineId, CostCenterId FROM Equipment WHERE EquipmentId = 1")) {
            // then it is PMP-0001, running, on a line and booked to a cost centre
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("AssetTag")).isEqualTo("PMP-0001");
            assertThat(rs.getString("Status")).isEqualTo("Running");
            assertThat(rs.getString("Category")).isEqualTo("Pump");
            assertThat(rs.getObject("LineId")).isNotNull();
            assertThat(rs.getObject("CostCenterId")).isNotNull();
        }
    }

    @Test
    void seedHasTheNullsAndStatusesThatMappingsMustHandle() throws SQLException {
        // given the sample ERP
        SampleErp.create(keepAlive, SqlDialect.H2);

        // when the awkward rows are counted / then each kind is present
        assertThat(count("SELECT COUNT(*) FROM Equipment WHERE LineId IS NULL")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM Equipment WHERE CostCenterId IS NULL"))
                .isPositive();
        assertThat(count("SELECT COUNT(*) FROM Equipment WHERE RatedPowerKw IS NULL"))
                .isPositive();
        assertThat(count("SELECT COUNT(*) FROM Equipment WHERE InstalledOn IS NULL"))
                .isPositive();
        assertThat(count("SELECT COUNT(*) FROM Equipment WHERE LastServiceAt IS NULL"))
                .isPositive();
        assertThat(count("SELECT COUNT(*) FROM Equipment WHERE Status = 'Decommissioned'"))
                .isPositive();
        assertThat(count("SELECT COUNT(DISTINCT Category) FROM Equipment")).isEqualTo(7);
        assertThat(count("SELECT COUNT(*) FROM Equipment WHERE IsCritical = TRUE"))
                .isPositive();
    }

    @Test
    void nonAsciiNamesSurviveTheSeed() throws SQLException {
        // given the sample ERP
        SampleErp.create(keepAlive, SqlDialect.H2);

        // when the Swedish site is read
        try (Statement st = keepAlive.createStatement();
                ResultSet rs = st.executeQuery("SELECT City FROM Site WHERE SiteCode = 'SE-GOT'")) {
            // then its city keeps its umlaut
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("G\u00f6teborg");
        }
    }

    @Test
    void createIfMissingCreatesOnceAndThenLeavesTheDataAlone() throws SQLException {
        // given the sample ERP created through createIfMissing, and one row changed afterwards
        SampleErp.createIfMissing(dataSource, SqlDialect.H2);
        try (Statement st = keepAlive.createStatement()) {
            st.executeUpdate("UPDATE Equipment SET Status = 'Idle' WHERE EquipmentId = 1");
        }

        // when createIfMissing runs again
        SampleErp.createIfMissing(dataSource, SqlDialect.H2);

        // then nothing was recreated or duplicated
        assertThat(count("SELECT COUNT(*) FROM Equipment")).isEqualTo(300);
        assertThat(count("SELECT COUNT(*) FROM Equipment WHERE EquipmentId = 1 AND Status = 'Idle'"))
                .isEqualTo(1);
    }

    @Test
    void createIfMissingRefusesAPartialSetOfTables() throws SQLException {
        // given a database with only one of the tables
        try (Statement st = keepAlive.createStatement()) {
            st.execute("CREATE TABLE Site (SiteId INT PRIMARY KEY)");
        }

        // when createIfMissing runs / then it names what is there and what is missing
        assertThatThrownBy(() -> SampleErp.createIfMissing(dataSource, SqlDialect.H2))
                .isInstanceOf(SampleErpException.class)
                .hasMessageContaining("[Site]")
                .hasMessageContaining("Equipment");
    }

    @Test
    void aFailingStatementIsNamedInTheError() throws SQLException {
        // given a database where the first table exists already
        try (Statement st = keepAlive.createStatement()) {
            st.execute("CREATE TABLE CostCenter (CostCenterId INT PRIMARY KEY)");
        }

        // when the sample ERP is created / then the error names the script, line and statement
        assertThatThrownBy(() -> SampleErp.create(keepAlive, SqlDialect.H2))
                .isInstanceOf(SampleErpException.class)
                .hasMessageContaining("h2/schema.sql")
                .hasMessageContaining("Statement 1 (line ")
                .hasMessageContaining("CREATE TABLE CostCenter");
    }

    private long count(String sql) throws SQLException {
        try (Statement st = keepAlive.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
