package io.twinsync.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.twinsync.extract.SourceEntity;
import io.twinsync.extract.watermark.IncrementalExtract;
import io.twinsync.extract.watermark.ReadKind;
import io.twinsync.extract.watermark.WatermarkStore;
import io.twinsync.sample.erp.SampleErp;
import io.twinsync.sample.erp.SqlDialect;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.rows.StagedRow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/**
 * Change tracking and rowversion reads against a real SQL Server 2022 in a container, on the sample ERP (disabled
 * where Docker is not available; where it is, as in CI, a failure fails the build). Each test has its own database,
 * with change tracking and READ_COMMITTED_SNAPSHOT on (so a read is not blocked by an open transaction's locks).
 */
@Testcontainers(disabledWithoutDocker = true)
class ChangeTrackingSqlServerIntegrationTests {

    @Container
    private static final MSSQLServerContainer SQL_SERVER =
            new MSSQLServerContainer("mcr.microsoft.com/mssql/server:2022-latest").acceptLicense();

    @TempDir
    Path staging;

    private String url;
    private Connection db;
    private HikariDataSource source;
    private LocalStagingStore store;
    private StateArea state;

    @BeforeEach
    void createDatabase() throws SQLException {
        String name = "erp_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection master = connect(SQL_SERVER.getJdbcUrl());
                Statement st = master.createStatement()) {
            st.execute("CREATE DATABASE " + name);
            st.execute("ALTER DATABASE " + name
                    + " SET CHANGE_TRACKING = ON (CHANGE_RETENTION = 2 DAYS, AUTO_CLEANUP = ON)");
            st.execute("ALTER DATABASE " + name + " SET READ_COMMITTED_SNAPSHOT ON");
        }
        url = SQL_SERVER.getJdbcUrl() + ";databaseName=" + name;
        db = connect(url);
        SampleErp.create(db, SqlDialect.SQLSERVER);
        execute("ALTER TABLE Equipment ENABLE CHANGE_TRACKING");
        source = JdbcSources.open(JdbcSourceSettings.of(url, SQL_SERVER.getUsername(), SQL_SERVER.getPassword()));
        store = new LocalStagingStore(staging);
        state = store.state();
    }

    @AfterEach
    void close() throws SQLException {
        source.close();
        db.close();
    }

    @Test
    void changeTrackingReadsUpdatesAndDeletesAfterAWholeFirstRead() throws SQLException {
        // given a first batch that read Equipment whole and was committed
        SourceEntity equipment = SourceEntity.ofTable("Equipment", "dbo.Equipment", "EquipmentId")
                .withChangeTracking();
        IncrementalExtract first = extractAndCommit(equipment);
        assertThat(first.reads()).containsEntry("Equipment", ReadKind.FULL);
        assertThat(first.summary().rowsByEntity()).containsEntry("Equipment", 300L);

        // when one row is updated and another deleted, and the next batch is extracted
        execute("UPDATE Equipment SET Status = 'Idle' WHERE EquipmentId = 1");
        execute("DELETE FROM Equipment WHERE EquipmentId = 300");
        Batch next = newBatch();
        IncrementalExtract second = new JdbcRowExtractor(source, 100)
                .extract(next, List.of(equipment), WatermarkStore.readCommitted(state));

        // then only the two changes are read: U with the new values, D with only the key
        assertThat(second.reads()).containsEntry("Equipment", ReadKind.INCREMENTAL);
        Map<Long, StagedRow> rows = byId(next);
        assertThat(rows).containsOnlyKeys(1L, 300L);
        assertThat(rows.get(1L).get("SYS_CHANGE_OPERATION")).isEqualTo("U");
        assertThat(rows.get(1L).get("Status")).isEqualTo("Idle");
        assertThat(rows.get(300L).get("SYS_CHANGE_OPERATION")).isEqualTo("D");
        assertThat(rows.get(300L).get("AssetTag")).isNull();
        assertThat((Long) second.pending().of("Equipment").orElseThrow().value())
                .isGreaterThan(
                        (Long) first.pending().of("Equipment").orElseThrow().value());
    }

    @Test
    void aRowversionWatermarkDoesNotSkipARowOfATransactionOpenDuringTheRead() throws SQLException {
        // given a committed first batch of Equipment by RowVer
        SourceEntity equipment = SourceEntity.ofTable("Equipment", "dbo.Equipment", "EquipmentId")
                .withWatermark("RowVer");
        extractAndCommit(equipment);

        // and a transaction that updated row 2 and is still open, then row 3 updated and committed after it, so
        // row 3's rowversion is above row 2's
        try (Connection open = connect(url)) {
            open.setAutoCommit(false);
            try (Statement st = open.createStatement()) {
                st.execute("UPDATE Equipment SET Status = 'Idle' WHERE EquipmentId = 2");
            }
            execute("UPDATE Equipment SET Status = 'Idle' WHERE EquipmentId = 3");

            // when a batch is extracted and committed while the transaction is open
            IncrementalExtract during = extractAndCommit(equipment);

            // then row 3 waits too: it is at or above MIN_ACTIVE_ROWVERSION(), the open transaction's rowversion
            assertThat(during.summary().rowsByEntity()).containsEntry("Equipment", 0L);
            open.commit();
        }

        // when the next batch is extracted after the transaction committed
        Batch after = newBatch();
        new JdbcRowExtractor(source, 100).extract(after, List.of(equipment), WatermarkStore.readCommitted(state));

        // then both rows are read: row 2 was not skipped
        assertThat(byId(after)).containsOnlyKeys(2L, 3L);
    }

    private IncrementalExtract extractAndCommit(SourceEntity entity) {
        Batch batch = newBatch();
        IncrementalExtract result =
                new JdbcRowExtractor(source, 100).extract(batch, List.of(entity), WatermarkStore.readCommitted(state));
        WatermarkStore.commit(batch, state);
        return result;
    }

    private Batch newBatch() {
        return store.createBatch(BatchId.newId(Instant.now()));
    }

    private static Map<Long, StagedRow> byId(Batch batch) {
        return StagedFiles.read(batch, "Equipment").rows().stream()
                .collect(Collectors.toMap(row -> (Long) row.get("EquipmentId"), row -> row));
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute(sql);
        }
    }

    private static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, SQL_SERVER.getUsername(), SQL_SERVER.getPassword());
    }
}
