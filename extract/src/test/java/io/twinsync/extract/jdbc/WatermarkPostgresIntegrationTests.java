package io.twinsync.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.twinsync.extract.SourceEntity;
import io.twinsync.extract.watermark.IncrementalExtract;
import io.twinsync.extract.watermark.ReadKind;
import io.twinsync.extract.watermark.WatermarkStore;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.testsupport.PostgresTestSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental reads from the real PostgreSQL at 127.0.0.1:5432, in a throw-away schema. */
class WatermarkPostgresIntegrationTests {

    @TempDir
    Path staging;

    private PostgresTestSchema schema;
    private Connection owner;
    private HikariDataSource pool;
    private LocalStagingStore store;

    @BeforeEach
    void openFreshSchema() throws SQLException {
        schema = PostgresTestSchema.create("watermark_it_");
        owner = schema.connection();
        pool = JdbcSources.open(new JdbcSourceSettings(schema.url(), PostgresTestSchema.USER, null, 2, 2));
        store = new LocalStagingStore(staging);
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
    void committedTimestampTzWatermarkReadsOnlyLaterChanges() throws SQLException {
        // given a mixed-case table with a timestamptz watermark, extracted and committed once
        SourceEntity entity =
                SourceEntity.ofTable("Equipment", "Equipment", "EquipmentId").withWatermark("ChangedAt");
        execute("CREATE TABLE equipment (equipmentid bigint PRIMARY KEY, changedat timestamptz NOT NULL)");
        execute("INSERT INTO equipment VALUES (1, '2026-01-01 10:00:00.000001+00'), (2, '2026-01-01 11:00:00+01')");
        Batch first = store.createBatch(BatchId.newId(Instant.now()));
        new JdbcRowExtractor(pool, 1).extract(first, List.of(entity), WatermarkStore.readCommitted(store.state()));
        WatermarkStore.commit(first, store.state());
        execute("UPDATE equipment SET changedat = '2026-01-01 10:00:00.000002+00' WHERE equipmentid = 2");
        execute("INSERT INTO equipment VALUES (3, '2026-01-01 09:00:00+00')");

        // when the next batch is extracted
        Batch next = store.createBatch(BatchId.newId(Instant.now()));
        IncrementalExtract result = new JdbcRowExtractor(pool, 1)
                .extract(next, List.of(entity), WatermarkStore.readCommitted(store.state()));

        // then only the row changed after the first batch's maximum is read, by instant
        assertThat(result.reads()).containsEntry("Equipment", ReadKind.INCREMENTAL);
        assertThat(StagedFiles.read(next, "Equipment").rows())
                .extracting(row -> row.get("equipmentid"))
                .containsExactly(2L);
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = owner.createStatement()) {
            st.execute(sql);
        }
    }
}
