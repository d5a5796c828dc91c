package io.twinsync.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.extract.SourceEntity;
import io.twinsync.extract.watermark.IncrementalExtract;
import io.twinsync.extract.watermark.ReadKind;
import io.twinsync.extract.watermark.Watermark;
import io.twinsync.extract.watermark.WatermarkStore;
import io.twinsync.extract.watermark.Watermarks;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.rows.ValueType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timestamp watermarks and values far ahead of the clock (a row stamped 9999-12-31): such a value must not become
 * the kept maximum, or every later change, stamped with the real time, would fall below it and never be read.
 */
class FutureWatermarkTests {

    private static final SourceEntity BY_CHANGE =
            SourceEntity.ofTable("Item", "Item", "ItemId").withWatermark("Changed");
    private static final LocalDateTime FAR_FUTURE = LocalDateTime.parse("9999-12-31T23:59:59");

    @TempDir
    Path staging;

    /** This clock's time in whole seconds (so that values survive any column precision), fixed for the test. */
    private final LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);

    private Connection db;
    private JdbcDataSource dataSource;
    private StateArea state;
    private LocalStagingStore store;

    @BeforeEach
    void openDatabase() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:future-watermark-" + UUID.randomUUID()
                + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        db = dataSource.getConnection();
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TABLE Item (ItemId BIGINT PRIMARY KEY, Changed DATETIME2 NOT NULL)");
        }
        store = new LocalStagingStore(staging);
        state = store.state();
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        db.close();
    }

    @Test
    void aRowStampedFarInTheFutureDoesNotHideChangesMadeLater() throws SQLException {
        // given two items changed ten days ago and one stamped 9999-12-31, extracted and committed
        LocalDateTime tenDaysAgo = now().minusDays(10);
        upsert(1, tenDaysAgo);
        upsert(2, tenDaysAgo);
        upsert(3, FAR_FUTURE);
        Extracted first = extract(newBatch(), WatermarkStore.readCommitted(state));
        WatermarkStore.commit(first.batch, state);

        // when item 2 changes an hour ago and the next batch is extracted
        upsert(2, now().minusHours(1));
        Batch next = newBatch();
        Extracted second = extract(next, WatermarkStore.readCommitted(state));

        // then the first batch kept the last real change, not 9999; the next reads the change (and the future row
        // again, which the writer finds unchanged)
        assertThat(first.result.pending().of("Item").orElseThrow())
                .isEqualTo(new Watermark("Changed", ValueType.TIMESTAMP, tenDaysAgo));
        assertThat(second.result.reads()).containsEntry("Item", ReadKind.INCREMENTAL);
        assertThat(ids(next)).containsExactly(2L, 3L);
        assertThat(second.result.pending().of("Item").orElseThrow().value()).isEqualTo(now().minusHours(1));
    }

    @Test
    void aValueWithinADayAheadStillMovesTheWatermark() throws SQLException {
        // given an item stamped an hour ahead of this clock (a source in a zone east of here)
        LocalDateTime anHourAhead = now().plusHours(1);
        upsert(1, anHourAhead);

        // when it is extracted
        Extracted extract = extract(newBatch(), Watermarks.none());

        // then its value is the watermark, as any other
        assertThat(extract.result.pending().of("Item").orElseThrow().value()).isEqualTo(anHourAhead);
    }

    @Test
    void aKeptWatermarkFarInTheFutureIsIgnoredAndTheEntityReadWhole() throws SQLException {
        // given a watermark of 9999-12-31 kept by a batch before future values were held back
        upsert(1, now().minusDays(3));
        upsert(2, now().minusDays(2));
        Watermarks pinned = Watermarks.none().with("Item", new Watermark("Changed", ValueType.TIMESTAMP, FAR_FUTURE));

        // when the next batch is extracted from it
        Batch batch = newBatch();
        Extracted extract = extract(batch, pinned);

        // then every row is read and the watermark comes back to the last real change
        assertThat(extract.result.reads()).containsEntry("Item", ReadKind.FULL);
        assertThat(ids(batch)).containsExactly(1L, 2L);
        assertThat(extract.result.pending().of("Item").orElseThrow().value()).isEqualTo(now().minusDays(2));
    }

    /** What one extract did, and into which batch. */
    private record Extracted(Batch batch, IncrementalExtract result) {}

    private Extracted extract(Batch batch, Watermarks previous) {
        return new Extracted(batch, new JdbcRowExtractor(dataSource, 2).extract(batch, List.of(BY_CHANGE), previous));
    }

    private LocalDateTime now() {
        return now;
    }

    private void upsert(long id, LocalDateTime changed) throws SQLException {
        try (PreparedStatement merge =
                db.prepareStatement("MERGE INTO Item (ItemId, Changed) KEY (ItemId) VALUES (?, ?)")) {
            merge.setLong(1, id);
            merge.setObject(2, changed);
            merge.executeUpdate();
        }
    }

    private Batch newBatch() {
        return store.createBatch(BatchId.newId(Instant.now()));
    }

    private static List<Long> ids(Batch batch) {
        return StagedFiles.read(batch, "Item").rows().stream()
                .map(row -> (Long) row.get("ItemId"))
                .sorted()
                .toList();
    }
}
