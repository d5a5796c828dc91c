package io.twinsync.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.twinsync.extract.ExtractException;
import io.twinsync.extract.SourceEntity;
import io.twinsync.sample.erp.SampleErp;
import io.twinsync.sample.erp.SqlDialect;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.manifest.ExtractSummary;
import io.twinsync.staging.rows.StagedColumn;
import io.twinsync.staging.rows.StagedRow;
import io.twinsync.staging.rows.ValueType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcRowExtractorTests {

    private static final List<SourceEntity> SAMPLE_ERP = List.of(
            SourceEntity.ofTable("CostCenter", "CostCenter", "CostCenterId"),
            SourceEntity.ofTable("Site", "PUBLIC.Site", "SiteId"),
            SourceEntity.ofTable("Building", "Building", "BuildingId"),
            SourceEntity.ofQuery(
                    "ProductionLine",
                    "SELECT l.*, b.SiteId FROM ProductionLine l JOIN Building b ON b.BuildingId = l.BuildingId",
                    "LineId"),
            SourceEntity.ofTable("Equipment", "Equipment", "EquipmentId"));

    @TempDir
    Path staging;

    private String url;
    private JdbcDataSource dataSource;
    private Connection keepAlive;
    private Batch batch;

    @BeforeEach
    void openDatabaseAndBatch() throws SQLException {
        url = "jdbc:h2:mem:extract-" + UUID.randomUUID()
                + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        // An in-memory H2 database lives as long as one connection to it is open.
        keepAlive = dataSource.getConnection();
        batch = new LocalStagingStore(staging).createBatch(BatchId.newId(Instant.now()));
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        keepAlive.close();
    }

    @Test
    void everySampleErpEntityIsStagedWithItsRowCount() {
        // given the sample ERP
        SampleErp.create(keepAlive, SqlDialect.H2);

        // when its five entities are extracted
        ExtractSummary summary = new JdbcRowExtractor(dataSource, 50).extract(batch, SAMPLE_ERP);

        // then each has its rows file and the summary counts its rows
        assertThat(summary.rowsByEntity())
                .containsOnly(
                        entry("CostCenter", 12),
                        entry("Site", 3),
                        entry("Building", 8),
                        entry("ProductionLine", 24),
                        entry("Equipment", 300));
        assertThat(summary.totalRows()).isEqualTo(347);
        assertThat(batch.list(BatchLayout.ROWS)).hasSize(5);
        assertThat(StagedFiles.read(batch, "Equipment").rows()).hasSize(300);
    }

    @Test
    void aSampleStagesAtMostTheGivenRowsPerEntity() {
        // given the sample ERP
        SampleErp.create(keepAlive, SqlDialect.H2);

        // when a sample of 5 rows per entity is extracted
        ExtractSummary summary = new JdbcRowExtractor(dataSource, 50).sample(5).extract(batch, SAMPLE_ERP);

        // then no entity has more than 5 rows, and small ones keep all theirs
        assertThat(summary.rowsByEntity())
                .containsOnly(
                        entry("CostCenter", 5),
                        entry("Site", 3),
                        entry("Building", 5),
                        entry("ProductionLine", 5),
                        entry("Equipment", 5));
        assertThat(StagedFiles.read(batch, "Equipment").rows()).hasSize(5);
    }

    @Test
    void sampleErpColumnsAreStagedWithTheirTypes() {
        // given the sample ERP
        SampleErp.create(keepAlive, SqlDialect.H2);

        // when equipment is extracted
        new JdbcRowExtractor(dataSource, 50).extract(batch, SAMPLE_ERP.subList(4, 5));

        // then the header carries the key and each column's type, and equipment 1 reads back as seeded
        StagedFiles equipment = StagedFiles.read(batch, "Equipment");
        assertThat(equipment.schema().key()).containsExactly("EquipmentId");
        assertThat(equipment.schema().columns())
                .contains(
                        new StagedColumn("EquipmentId", ValueType.INTEGER),
                        new StagedColumn("AssetTag", ValueType.STRING),
                        new StagedColumn("Name", ValueType.STRING),
                        new StagedColumn("IsCritical", ValueType.BOOLEAN),
                        new StagedColumn("RatedPowerKw", ValueType.DECIMAL),
                        new StagedColumn("InstalledOn", ValueType.DATE),
                        new StagedColumn("LastServiceAt", ValueType.TIMESTAMP),
                        new StagedColumn("ModifiedAt", ValueType.TIMESTAMP));
        StagedRow first = equipment.row(1);
        assertThat(first.get("EquipmentId")).isEqualTo(1L);
        assertThat(first.get("AssetTag")).isEqualTo("PMP-0001");
        assertThat(first.get("Status")).isEqualTo("Running");
        assertThat(first.get("LineId")).isNotNull();
        assertThat(first.get("ModifiedAt")).isEqualTo(LocalDateTime.of(2025, 1, 15, 8, 0));
    }

    @Test
    void everySupportedTypeRoundTripsExactly() throws SQLException {
        // given a table with one column of each supported type, a row of awkward values and a row of NULLs
        try (Statement st = keepAlive.createStatement()) {
            st.execute("CREATE TABLE AllTypes (Id BIGINT PRIMARY KEY, Fixed CHAR(3), Text VARCHAR(50),"
                    + " Unicode NVARCHAR(50), Document CLOB, Guid UNIQUEIDENTIFIER, Tiny TINYINT, Small SMALLINT,"
                    + " Normal INT, Big BIGINT, Exact DECIMAL(38,10), Money NUMERIC(12,2), Single REAL,"
                    + " Approximate DOUBLE PRECISION, Flag BIT, Truth BOOLEAN, Installed DATE, Clock TIME(3),"
                    + " Stamp DATETIME2, Instant TIMESTAMP(6) WITH TIME ZONE, Code BINARY(3),"
                    + " Bytes VARBINARY(16), Large BLOB)");
        }
        UUID guid = UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        BigDecimal exact = new BigDecimal("1234567890123456789012345678.1234567891");
        Object[] values = {
            1L,
            "abc",
            "Pump \"A\"; 'quoted'",
            "G\u00f6teborg \u6771\u4eac \ud83d\ude80",
            "x".repeat(5_000),
            guid,
            (byte) -128,
            (short) -32768,
            Integer.MAX_VALUE,
            Long.MIN_VALUE,
            exact,
            new BigDecimal("-12.50"),
            0.1f,
            0.1 + 0.2,
            true,
            false,
            LocalDate.of(2024, 2, 29),
            LocalTime.of(23, 59, 58, 123_000_000),
            LocalDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_700),
            OffsetDateTime.parse("2026-01-02T03:04:05.123456+05:30"),
            new byte[] {0, 1, (byte) 0xff},
            new byte[] {(byte) 0xca, (byte) 0xfe},
            new byte[] {1, 2, 3, 4}
        };
        insert("AllTypes", values);
        Object[] nulls = new Object[values.length];
        nulls[0] = 2L;
        insert("AllTypes", nulls);

        // when the table is extracted
        new JdbcRowExtractor(dataSource, 1).extract(batch, SourceEntity.ofTable("AllTypes", "AllTypes", "Id"));

        // then each column has its staged type, every value comes back equal, and the NULLs stay NULL
        StagedFiles file = StagedFiles.read(batch, "AllTypes");
        assertThat(file.schema().columns().stream().map(StagedColumn::type))
                .containsExactly(
                        ValueType.INTEGER,
                        ValueType.STRING,
                        ValueType.STRING,
                        ValueType.STRING,
                        ValueType.STRING,
                        ValueType.STRING,
                        ValueType.INTEGER,
                        ValueType.INTEGER,
                        ValueType.INTEGER,
                        ValueType.INTEGER,
                        ValueType.DECIMAL,
                        ValueType.DECIMAL,
                        ValueType.DOUBLE,
                        ValueType.DOUBLE,
                        ValueType.BOOLEAN,
                        ValueType.BOOLEAN,
                        ValueType.DATE,
                        ValueType.TIME,
                        ValueType.TIMESTAMP,
                        ValueType.TIMESTAMP_TZ,
                        ValueType.BINARY,
                        ValueType.BINARY,
                        ValueType.BINARY);
        StagedRow row = file.row(1);
        assertThat(row.get("Fixed")).isEqualTo("abc");
        assertThat(row.get("Text")).isEqualTo(values[2]);
        assertThat(row.get("Unicode")).isEqualTo(values[3]);
        assertThat(row.get("Document")).isEqualTo(values[4]);
        assertThat(row.get("Guid")).isEqualTo(guid.toString());
        assertThat(row.get("Tiny")).isEqualTo(-128L);
        assertThat(row.get("Small")).isEqualTo(-32768L);
        assertThat(row.get("Normal")).isEqualTo((long) Integer.MAX_VALUE);
        assertThat(row.get("Big")).isEqualTo(Long.MIN_VALUE);
        // a double would have rounded this to 1.2345678901234568E27
        assertThat((BigDecimal) row.get("Exact")).isEqualByComparingTo(exact);
        assertThat((BigDecimal) row.get("Money")).isEqualByComparingTo("-12.50");
        assertThat(row.get("Single")).isEqualTo(0.1);
        assertThat(row.get("Approximate")).isEqualTo(0.1 + 0.2);
        assertThat(row.get("Flag")).isEqualTo(true);
        assertThat(row.get("Truth")).isEqualTo(false);
        assertThat(row.get("Installed")).isEqualTo(values[16]);
        assertThat(row.get("Clock")).isEqualTo(values[17]);
        assertThat(row.get("Stamp")).isEqualTo(values[18]);
        assertThat(row.get("Instant")).isEqualTo(values[19]);
        assertThat((byte[]) row.get("Code")).containsExactly(0, 1, 0xff);
        assertThat((byte[]) row.get("Bytes")).containsExactly(0xca, 0xfe);
        assertThat((byte[]) row.get("Large")).containsExactly(1, 2, 3, 4);
        StagedRow empty = file.row(2);
        for (int i = 1; i < values.length; i++) {
            assertThat(empty.get(i)).as(file.schema().columns().get(i).name()).isNull();
        }
    }

    @Test
    void anUnsupportedTypeFailsNamingEntityColumnAndTypeAndLeavesNoFile() throws SQLException {
        // given a table with an INTERVAL column, which has no staged type
        try (Statement st = keepAlive.createStatement()) {
            st.execute("CREATE TABLE Shift (ShiftId INT PRIMARY KEY, Length INTERVAL HOUR TO MINUTE)");
            st.execute("INSERT INTO Shift VALUES (1, INTERVAL '8:00' HOUR TO MINUTE)");
        }
        JdbcRowExtractor extractor = new JdbcRowExtractor(dataSource, 100);

        // when it is extracted / then the error names the entity, column and type and says to cast it
        assertThatThrownBy(() -> extractor.extract(batch, SourceEntity.ofTable("shifts", "Shift", "ShiftId")))
                .isInstanceOf(ExtractException.class)
                .hasMessageContaining("Entity shifts")
                .hasMessageContaining("column Length")
                .hasMessageContaining("INTERVAL HOUR TO MINUTE")
                .hasMessageContaining("Cast it in the query")
                .hasMessageContaining("give it a 'query' instead");
        assertThat(batch.exists(BatchLayout.rowsFile("shifts"))).isFalse();
    }

    @Test
    void aMissingKeyColumnFailsNamingIt() throws SQLException {
        // given the sample ERP, and an entity whose key is not selected
        SampleErp.create(keepAlive, SqlDialect.H2);
        SourceEntity entity = SourceEntity.ofQuery("sites", "SELECT SiteCode, Name FROM Site", "SiteId");

        // when it is extracted / then the error names the key, the columns there are, and leaves no file
        assertThatThrownBy(() -> new JdbcRowExtractor(dataSource, 100).extract(batch, entity))
                .isInstanceOf(ExtractException.class)
                .hasMessageContaining("Entity sites")
                .hasMessageContaining("[SiteId]")
                .hasMessageContaining("[SiteCode, Name]");
        assertThat(batch.exists(BatchLayout.rowsFile("sites"))).isFalse();
    }

    @Test
    void keyColumnsMatchIgnoringCase() {
        // given the sample ERP, and a key spelled in another case than the column
        SampleErp.create(keepAlive, SqlDialect.H2);
        SourceEntity entity = SourceEntity.ofQuery("sites", "SELECT SiteId, Name FROM Site", "SITEID");

        // when it is extracted
        long rows = new JdbcRowExtractor(dataSource, 100).extract(batch, entity);

        // then the key resolves to the column
        assertThat(rows).isEqualTo(3);
        assertThat(StagedFiles.read(batch, "sites").row(1).key()).containsEntry("SITEID", 1L);
    }

    @Test
    void aFailingQueryNamesTheEntityAndTheSqlError() {
        // given an entity that reads a table that does not exist
        SourceEntity entity = SourceEntity.ofQuery("ghosts", "SELECT Id FROM NoSuchTable", "Id");

        // when it is extracted / then the error names the entity and carries the database's message
        assertThatThrownBy(() -> new JdbcRowExtractor(dataSource, 100).extract(batch, entity))
                .isInstanceOf(ExtractException.class)
                .hasMessageContaining("Entity ghosts")
                .hasMessageContaining("NoSuchTable")
                .hasMessageContaining("[SQLState 42S");
    }

    @Test
    void aFailureHalfwayThroughPublishesNoRowsFile() throws SQLException {
        // given a query whose third row fails only when it is fetched
        try (Statement st = keepAlive.createStatement()) {
            st.execute("CREATE TABLE Numbers (N INT PRIMARY KEY)");
            st.execute("INSERT INTO Numbers VALUES (1), (2), (3), (4)");
        }
        JdbcDataSource lazy = new JdbcDataSource();
        lazy.setURL(url + ";LAZY_QUERY_EXECUTION=TRUE");
        SourceEntity entity =
                SourceEntity.ofQuery("numbers", "SELECT N, 10 / (3 - N) AS Q FROM Numbers ORDER BY N", "N");

        // when it is extracted / then it fails, and the two rows already written are not left behind as a file
        assertThatThrownBy(() -> new JdbcRowExtractor(lazy, 1).extract(batch, entity))
                .isInstanceOf(ExtractException.class)
                .hasMessageContaining("Entity numbers")
                .hasMessageContaining("after 2 rows")
                .hasMessageContaining("Division by zero");
        assertThat(batch.list(BatchLayout.ROWS)).isEmpty();
    }

    @Test
    void aSourceErrorQuotingTheUrlAndPasswordIsScrubbedBeforeItLeavesExtract() throws SQLException {
        // given a pool over a driver whose query errors quote the URL (with a password inside) and the password
        LeakyDriver.register();
        JdbcSourceSettings settings =
                JdbcSourceSettings.of(LeakyDriver.PREFIX + "//erp/erp?password=url-secret", "erp", "pool-secret");
        try (HikariDataSource pool = JdbcSources.open(settings)) {
            SourceEntity entity = SourceEntity.ofQuery("things", "SELECT Id FROM Thing", "Id");

            // when an entity is extracted / then the error names the entity, and nothing in it or its causes
            // reveals either secret
            assertThatThrownBy(() -> new JdbcRowExtractor(pool, 100).extract(batch, entity))
                    .isInstanceOf(ExtractException.class)
                    .hasMessageContaining("Entity things")
                    .hasMessageContaining("Connection reset")
                    .hasMessageContaining("password=****")
                    .satisfies(e -> assertThat(Revealed.texts(e))
                            .noneMatch(text -> text.contains("pool-secret") || text.contains("url-secret")));
        }
    }

    @Test
    void aFetchErrorQuotingTheUrlAndPasswordIsScrubbedBeforeItLeavesExtract() throws SQLException {
        // given a pool over a driver whose error while fetching rows quotes the URL and the password
        LeakyDriver.register();
        JdbcSourceSettings settings = JdbcSourceSettings.of(
                LeakyDriver.PREFIX + "//erp/erp?password=url-secret;fail=fetch", "erp", "pool-secret");
        try (HikariDataSource pool = JdbcSources.open(settings)) {
            SourceEntity entity = SourceEntity.ofQuery("things", "SELECT Id FROM Thing", "Id");

            // when an entity is extracted / then the error says how far it got, reveals neither secret, and no rows
            // file is published
            assertThatThrownBy(() -> new JdbcRowExtractor(pool, 100).extract(batch, entity))
                    .isInstanceOf(ExtractException.class)
                    .hasMessageContaining("the source failed after 0 rows")
                    .satisfies(e -> assertThat(Revealed.texts(e))
                            .noneMatch(text -> text.contains("pool-secret") || text.contains("url-secret")));
            assertThat(batch.list(BatchLayout.ROWS)).isEmpty();
        }
    }

    @Test
    void aTableWithAReservedNameIsQuoted() throws SQLException {
        // given a table whose name is a keyword
        try (Statement st = keepAlive.createStatement()) {
            st.execute("CREATE TABLE [Order] (OrderId INT PRIMARY KEY, [Select] VARCHAR(10))");
            st.execute("INSERT INTO [Order] VALUES (7, 'x')");
        }

        // when it is read as a table
        long rows = new JdbcRowExtractor(dataSource, 100)
                .extract(batch, SourceEntity.ofTable("orders", "Order", "OrderId"));

        // then the generated SELECT works
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void twoEntitiesWithTheSameFileAreRejectedBeforeAnythingRuns() {
        // given two entities whose names differ only in case
        List<SourceEntity> entities = List.of(
                SourceEntity.ofTable("Equipment", "Equipment", "EquipmentId"),
                SourceEntity.ofTable("equipment", "Equipment", "EquipmentId"));

        // when / then
        assertThatThrownBy(() -> new JdbcRowExtractor(dataSource, 100).extract(batch, entities))
                .isInstanceOf(ExtractException.class)
                .hasMessageContaining("Equipment and equipment")
                .hasMessageContaining("rows/equipment.ndjson");
    }

    @Test
    void thePooledReadOnlySourceExtractsTheSampleErp() {
        // given the sample ERP behind the read-only pool
        SampleErp.create(keepAlive, SqlDialect.H2);
        try (HikariDataSource pool = JdbcSources.open(JdbcSourceSettings.of(url, "", ""))) {
            // when it is extracted through the pool
            ExtractSummary summary = new JdbcRowExtractor(pool, 100).extract(batch, SAMPLE_ERP);

            // then every row arrives
            assertThat(summary.totalRows()).isEqualTo(347);
        }
    }

    private void insert(String table, Object[] values) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(values.length, "?"));
        try (PreparedStatement st = keepAlive.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
            for (int i = 0; i < values.length; i++) {
                st.setObject(i + 1, values[i]);
            }
            st.executeUpdate();
        }
    }

    private static java.util.Map.Entry<String, Long> entry(String entity, long rows) {
        return java.util.Map.entry(entity, rows);
    }
}
