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
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.manifest.ExtractSummary;
import io.twinsync.staging.rows.StagedColumn;
import io.twinsync.staging.rows.StagedRow;
import io.twinsync.staging.rows.ValueType;
import io.twinsync.testsupport.PostgresTestSchema;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extracts from the real PostgreSQL at 127.0.0.1:5432, in a throw-away schema, through the read-only pool. */
class JdbcRowExtractorPostgresIntegrationTests {

    @TempDir
    Path staging;

    private PostgresTestSchema schema;
    private Connection owner;
    private HikariDataSource pool;
    private Batch batch;

    @BeforeEach
    void openFreshSchema() throws SQLException {
        schema = PostgresTestSchema.create("extract_it_");
        owner = schema.connection();
        pool = JdbcSources.open(new JdbcSourceSettings(schema.url(), PostgresTestSchema.USER, null, 2, 2));
        batch = new LocalStagingStore(staging).createBatch(BatchId.newId(Instant.now()));
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (pool != null) {
            pool.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void postgresTypesRoundTripExactly() throws SQLException {
        // given a table of PostgreSQL types, a row of awkward values and a row of NULLs
        try (Statement st = owner.createStatement()) {
            st.execute("CREATE TABLE all_types (id bigint PRIMARY KEY, label text, code char(3), name varchar(50),"
                    + " guid uuid, small smallint, normal integer, exact numeric(38,10), unbounded numeric,"
                    + " single real, approximate double precision, flag boolean, day date, clock time(3),"
                    + " stamp timestamp(6), instant timestamptz, bytes bytea)");
        }
        UUID guid = UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        BigDecimal exact = new BigDecimal("1234567890123456789012345678.1234567891");
        BigDecimal unbounded = new BigDecimal("98765432109876543210.000000000000000000012345");
        OffsetDateTime instant = OffsetDateTime.parse("2026-01-02T03:04:05.123456+05:30");
        Object[] values = {
            1L,
            "G\u00f6teborg \u6771\u4eac \ud83d\ude80",
            "abc",
            "Pump \"A\"; 'quoted'",
            guid,
            (short) -32768,
            Integer.MAX_VALUE,
            exact,
            unbounded,
            0.1f,
            0.1 + 0.2,
            true,
            LocalDate.of(2024, 2, 29),
            LocalTime.of(23, 59, 58, 123_000_000),
            LocalDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_000),
            instant,
            new byte[] {0, 1, (byte) 0xff}
        };
        insert("all_types", values);
        Object[] nulls = new Object[values.length];
        nulls[0] = 2L;
        insert("all_types", nulls);

        // when the table is extracted through the pool, two rows per fetch
        new JdbcRowExtractor(pool, 2).extract(batch, SourceEntity.ofTable("AllTypes", "all_types", "id"));

        // then each column has its staged type and every value comes back equal
        StagedFiles file = StagedFiles.read(batch, "AllTypes");
        assertThat(file.schema().columns().stream().map(StagedColumn::type))
                .containsExactly(
                        ValueType.INTEGER,
                        ValueType.STRING,
                        ValueType.STRING,
                        ValueType.STRING,
                        ValueType.STRING,
                        ValueType.INTEGER,
                        ValueType.INTEGER,
                        ValueType.DECIMAL,
                        ValueType.DECIMAL,
                        ValueType.DOUBLE,
                        ValueType.DOUBLE,
                        ValueType.BOOLEAN,
                        ValueType.DATE,
                        ValueType.TIME,
                        ValueType.TIMESTAMP,
                        ValueType.TIMESTAMP_TZ,
                        ValueType.BINARY);
        StagedRow row = file.row(1);
        assertThat(row.get("label")).isEqualTo(values[1]);
        assertThat(row.get("code")).isEqualTo("abc");
        assertThat(row.get("name")).isEqualTo(values[3]);
        assertThat(row.get("guid")).isEqualTo(guid.toString());
        assertThat(row.get("small")).isEqualTo(-32768L);
        assertThat(row.get("normal")).isEqualTo((long) Integer.MAX_VALUE);
        // a double would have rounded both of these
        assertThat((BigDecimal) row.get("exact")).isEqualByComparingTo(exact);
        assertThat((BigDecimal) row.get("unbounded")).isEqualByComparingTo(unbounded);
        assertThat(row.get("single")).isEqualTo(0.1);
        assertThat(row.get("approximate")).isEqualTo(0.1 + 0.2);
        assertThat(row.get("flag")).isEqualTo(true);
        assertThat(row.get("day")).isEqualTo(values[12]);
        assertThat(row.get("clock")).isEqualTo(values[13]);
        assertThat(row.get("stamp")).isEqualTo(values[14]);
        // PostgreSQL keeps the instant, not the offset: it comes back at +00:00
        assertThat(row.get("instant")).isEqualTo(instant.withOffsetSameInstant(ZoneOffset.UTC));
        assertThat((byte[]) row.get("bytes")).containsExactly(0, 1, 0xff);
        StagedRow empty = file.row(2);
        for (int i = 1; i < values.length; i++) {
            assertThat(empty.get(i)).as(file.schema().columns().get(i).name()).isNull();
        }
    }

    @Test
    void theSampleErpIsExtractedWithTheSqlServerSpellingOfItsNames() {
        // given the sample ERP loaded into PostgreSQL, whose names are folded to lower case
        SampleErp.create(owner, SqlDialect.POSTGRESQL);
        List<SourceEntity> entities = List.of(
                SourceEntity.ofTable("CostCenter", "CostCenter", "CostCenterId"),
                SourceEntity.ofTable("Site", schema.name() + ".Site", "SiteId"),
                SourceEntity.ofTable("Building", "Building", "BuildingId"),
                SourceEntity.ofTable("ProductionLine", "ProductionLine", "LineId"),
                SourceEntity.ofQuery(
                        "Equipment",
                        "SELECT EquipmentId, AssetTag, IsCritical, RatedPowerKw FROM Equipment ORDER BY EquipmentId",
                        "EquipmentId"));

        // when they are extracted
        ExtractSummary summary = new JdbcRowExtractor(pool, 50).extract(batch, entities);

        // then every row arrives, and staged columns answer to the SQL Server spelling
        assertThat(summary.totalRows()).isEqualTo(347);
        StagedRow first = StagedFiles.read(batch, "Equipment").row(1);
        assertThat(first.get("AssetTag")).isEqualTo("PMP-0001");
        assertThat(first.key()).containsEntry("EquipmentId", 1L);
        assertThat(first.get("IsCritical")).isInstanceOf(Boolean.class);
    }

    @Test
    void jsonbIsRefusedWithAHintToCastIt() throws SQLException {
        // given a jsonb column, which has no staged type
        try (Statement st = owner.createStatement()) {
            st.execute("CREATE TABLE settings (id int PRIMARY KEY, doc jsonb)");
        }

        // when / then
        assertThatThrownBy(() -> new JdbcRowExtractor(pool, 10)
                        .extract(batch, SourceEntity.ofQuery("settings", "SELECT id, doc FROM settings", "id")))
                .isInstanceOf(ExtractException.class)
                .hasMessageContaining("Entity settings")
                .hasMessageContaining("column doc has type jsonb")
                .hasMessageContaining("CAST(doc AS VARCHAR(4000))");
    }

    @Test
    void theReadOnlyPoolRefusesWrites() throws SQLException {
        // given a table, and a connection from the source pool inside a transaction
        try (Statement st = owner.createStatement()) {
            st.execute("CREATE TABLE guarded (id int PRIMARY KEY)");
        }
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);

            // when it tries to write / then PostgreSQL refuses: extraction can never change the source
            try (Statement st = connection.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate("INSERT INTO guarded VALUES (1)"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("read-only transaction");
            } finally {
                connection.rollback();
            }
        }
    }

    private void insert(String table, Object[] values) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(values.length, "?"));
        try (PreparedStatement st = owner.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
            for (int i = 0; i < values.length; i++) {
                st.setObject(i + 1, values[i]);
            }
            st.executeUpdate();
        }
    }
}
