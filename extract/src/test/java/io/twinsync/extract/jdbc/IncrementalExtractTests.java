package io.twinsync.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.extract.ExtractException;
import io.twinsync.extract.SourceEntity;
import io.twinsync.extract.watermark.EntityExtract;
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
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental reads against H2 in SQL Server mode: watermarks kept pending per batch, advanced by commit only. */
class IncrementalExtractTests {

    private static final SourceEntity BY_ID =
            SourceEntity.ofTable("Item", "Item", "ItemId").withWatermark("ItemId");

    @TempDir
    Path staging;

    private JdbcDataSource dataSource;
    private Connection db;
    private LocalStagingStore store;
    private StateArea state;

    @BeforeEach
    void openDatabase() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:watermark-" + UUID.randomUUID()
                + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        db = dataSource.getConnection();
        execute("CREATE TABLE Item (ItemId BIGINT PRIMARY KEY, Name VARCHAR(100), Changed DATETIME2,"
                + " RowVer VARBINARY(8), Code VARCHAR(100))");
        store = new LocalStagingStore(staging);
        state = store.state();
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        db.close();
    }

    @Test
    void firstExtractReadsAllRowsAndRecordsTheMaximum() throws SQLException {
        // given three items and no watermark kept
        insertItems(1, 2, 3);

        // when the entity is extracted with watermarks
        Batch batch = newBatch();
        IncrementalExtract result = extractor().extract(batch, List.of(BY_ID), WatermarkStore.readCommitted(state));

        // then every row is read and the batch holds the maximum as pending
        assertThat(result.reads()).containsEntry("Item", ReadKind.FULL);
        assertThat(ids(batch)).containsExactly(1L, 2L, 3L);
        assertThat(WatermarkStore.readPending(batch).orElseThrow().of("Item"))
                .contains(new Watermark("ItemId", ValueType.INTEGER, 3L));
    }

    @Test
    void afterACommitOnlyRowsAboveTheWatermarkAreRead() throws SQLException {
        // given a committed first batch, then two new items
        insertItems(1, 2, 3);
        commitAfterExtract(newBatch());
        insertItems(4, 5);

        // when the next batch is extracted from the committed watermarks
        Batch next = newBatch();
        IncrementalExtract result = extractor().extract(next, List.of(BY_ID), WatermarkStore.readCommitted(state));

        // then only the new items are read, and the pending watermark moves on
        assertThat(result.reads()).containsEntry("Item", ReadKind.INCREMENTAL);
        assertThat(ids(next)).containsExactly(4L, 5L);
        assertThat(result.pending().of("Item").orElseThrow().value()).isEqualTo(5L);
    }

    @Test
    void withoutACommitTheNextExtractReadsTheSameRowsAgain() throws SQLException {
        // given a committed batch, new items, and a batch that read them but was never committed (its write failed)
        insertItems(1, 2);
        commitAfterExtract(newBatch());
        insertItems(3, 4);
        extractor().extract(newBatch(), List.of(BY_ID), WatermarkStore.readCommitted(state));

        // when the next batch is extracted
        Batch retry = newBatch();
        extractor().extract(retry, List.of(BY_ID), WatermarkStore.readCommitted(state));

        // then it reads the uncommitted batch's rows again
        assertThat(ids(retry)).containsExactly(3L, 4L);
        assertThat(WatermarkStore.readCommitted(state).of("Item").orElseThrow().value())
                .isEqualTo(2L);
    }

    @Test
    void anIncrementalReadWithNoNewRowsKeepsTheWatermark() throws SQLException {
        // given a committed batch and no new rows
        insertItems(1, 2);
        commitAfterExtract(newBatch());

        // when the next batch is extracted
        IncrementalExtract result =
                extractor().extract(newBatch(), List.of(BY_ID), WatermarkStore.readCommitted(state));

        // then nothing is read and the pending watermark is the committed one
        assertThat(result.summary().rowsByEntity()).containsEntry("Item", 0L);
        assertThat(result.pending().of("Item").orElseThrow().value()).isEqualTo(2L);
    }

    @Test
    void timestampWatermarksReadRowsChangedLater() throws SQLException {
        // given items changed at noon, committed, then one updated later
        SourceEntity entity = SourceEntity.ofTable("Item", "Item", "ItemId").withWatermark("Changed");
        insertItems(1, 2);
        execute("UPDATE Item SET Changed = '2026-01-01 12:00:00.123'");
        commitAfterExtract(newBatch(), entity);
        execute("UPDATE Item SET Changed = '2026-01-01 12:00:00.124' WHERE ItemId = 2");

        // when the next batch is extracted
        Batch next = newBatch();
        IncrementalExtract result = extractor().extract(next, List.of(entity), WatermarkStore.readCommitted(state));

        // then only the updated item is read
        assertThat(ids(next)).containsExactly(2L);
        assertThat(result.pending().of("Item").orElseThrow())
                .isEqualTo(
                        new Watermark("Changed", ValueType.TIMESTAMP, LocalDateTime.parse("2026-01-01T12:00:00.124")));
    }

    @Test
    void binaryWatermarksCompareUnsignedLikeRowversion() throws SQLException {
        // given rowversions 0x7F.. and 0x80.. (0x80 is larger unsigned, smaller signed), committed
        SourceEntity entity = SourceEntity.ofTable("Item", "Item", "ItemId").withWatermark("RowVer");
        insertItems(1, 2);
        execute("UPDATE Item SET RowVer = X'00000000000007FF' WHERE ItemId = 1");
        execute("UPDATE Item SET RowVer = X'0000000000000800' WHERE ItemId = 2");
        IncrementalExtract first = commitAfterExtract(newBatch(), entity);
        execute("UPDATE Item SET RowVer = X'00000000000008FF' WHERE ItemId = 1");

        // when the next batch is extracted
        Batch next = newBatch();
        extractor().extract(next, List.of(entity), WatermarkStore.readCommitted(state));

        // then the first batch's maximum was 0x0800 and only the updated row is read now
        assertThat((byte[]) first.pending().of("Item").orElseThrow().value()).containsExactly(0, 0, 0, 0, 0, 0, 8, 0);
        assertThat(ids(next)).containsExactly(1L);
    }

    @Test
    void aWatermarkWithSqlMetaCharactersIsBoundNotConcatenated() throws SQLException {
        // given a committed string watermark that reads as SQL
        SourceEntity entity = SourceEntity.ofTable("Item", "Item", "ItemId").withWatermark("Code");
        insertItems(1, 2);
        execute("UPDATE Item SET Code = 'A''; DROP TABLE Item; --' WHERE ItemId = 1");
        execute("UPDATE Item SET Code = '''; DROP TABLE Item; --' WHERE ItemId = 2");
        commitAfterExtract(newBatch(), entity);
        execute("UPDATE Item SET Code = 'B' WHERE ItemId = 2");

        // when the next batch is extracted from it
        Batch next = newBatch();
        extractor().extract(next, List.of(entity), WatermarkStore.readCommitted(state));

        // then the value was a parameter: the table is still there and the row above it is read
        assertThat(ids(next)).containsExactly(2L);
        assertThat(count("Item")).isEqualTo(2);
    }

    @Test
    void aChangedWatermarkColumnTriggersAFullRead() throws SQLException {
        // given a watermark committed for ItemId
        insertItems(1, 2, 3);
        commitAfterExtract(newBatch());

        // when the entity is configured with another watermark column
        SourceEntity changed = SourceEntity.ofTable("Item", "Item", "ItemId").withWatermark("Changed");
        execute("UPDATE Item SET Changed = '2026-01-01 12:00:00'");
        Batch next = newBatch();
        IncrementalExtract result = extractor().extract(next, List.of(changed), WatermarkStore.readCommitted(state));

        // then the kept watermark is ignored: every row is read and the new column's maximum is pending
        assertThat(result.reads()).containsEntry("Item", ReadKind.FULL);
        assertThat(ids(next)).containsExactly(1L, 2L, 3L);
        assertThat(result.pending().of("Item").orElseThrow().column()).isEqualTo("Changed");
    }

    @Test
    void aChangedWatermarkTypeTriggersAFullRead() throws SQLException {
        // given a committed watermark whose type no longer matches the column (kept as a string)
        insertItems(1, 2, 3);
        Watermarks stale = Watermarks.none().with("Item", new Watermark("ItemId", ValueType.STRING, "9"));

        // when the entity is extracted from it
        Batch batch = newBatch();
        IncrementalExtract result = extractor().extract(batch, List.of(BY_ID), stale);

        // then every row is read and the pending watermark has the column's type
        assertThat(result.reads()).containsEntry("Item", ReadKind.FULL);
        assertThat(ids(batch)).containsExactly(1L, 2L, 3L);
        assertThat(result.pending().of("Item").orElseThrow().type()).isEqualTo(ValueType.INTEGER);
    }

    @Test
    void aQueryEntityIsReadIncrementallyThroughItsAlias() throws SQLException {
        // given a query entity whose watermark is an alias, committed once
        SourceEntity entity = SourceEntity.ofQuery("Item", "SELECT ItemId, ItemId * 10 AS Version FROM Item", "ItemId")
                .withWatermark("Version");
        insertItems(1, 2);
        commitAfterExtract(newBatch(), entity);
        insertItems(3);

        // when the next batch is extracted
        Batch next = newBatch();
        extractor().extract(next, List.of(entity), WatermarkStore.readCommitted(state));

        // then only the new row is read
        assertThat(ids(next)).containsExactly(3L);
    }

    @Test
    void extractWithoutWatermarksKeepsReadingWholeAndWritesNoPendingFile() throws SQLException {
        // given items and an entity with a watermark column
        insertItems(1, 2);

        // when it is extracted with the full-read method
        Batch batch = newBatch();
        extractor().extract(batch, List.of(BY_ID));

        // then every row is read and no pending watermarks exist to commit
        assertThat(ids(batch)).containsExactly(1L, 2L);
        assertThat(WatermarkStore.commit(batch, state)).isEmpty();
        assertThat(WatermarkStore.readCommitted(state).isEmpty()).isTrue();
    }

    @Test
    void anExtractThatStartsAgainReadsOnlyTheEntitiesItHadNotStagedWhole() throws SQLException {
        // given an extract of two entities whose second fails (its table is missing), after the first was staged
        insertItems(1, 2, 3);
        SourceEntity parts = SourceEntity.ofTable("Part", "Part", "PartId").withWatermark("PartId");
        Batch batch = newBatch();
        Map<String, EntityExtract> recorded = new LinkedHashMap<>();
        assertThatThrownBy(() -> extractor()
                        .extract(
                                batch,
                                List.of(BY_ID, parts),
                                Watermarks.none(),
                                Map.of(),
                                done -> recorded.put(done.entity(), EntityExtract.fromJson(done.toJson()))))
                .isInstanceOf(ExtractException.class)
                .hasMessageContaining("Part");
        assertThat(recorded).containsOnlyKeys("Item");
        assertThat(recorded.get("Item").rows()).isEqualTo(3);

        // when the source is fixed (and meanwhile changed) and the extract starts again with what was recorded
        execute("CREATE TABLE Part (PartId BIGINT PRIMARY KEY, Name VARCHAR(100))");
        execute("INSERT INTO Part VALUES (7, 'valve')");
        insertItems(4);
        List<String> readAgain = new java.util.ArrayList<>();
        IncrementalExtract result = extractor()
                .extract(
                        batch,
                        List.of(BY_ID, parts),
                        Watermarks.none(),
                        recorded,
                        done -> readAgain.add(done.entity()));

        // then only the entity that was not staged is read; the staged one keeps its rows and watermark, as one
        // uninterrupted extract would have made them
        assertThat(readAgain).containsExactly("Part");
        assertThat(ids(batch)).containsExactly(1L, 2L, 3L);
        assertThat(result.summary().rowsByEntity()).containsEntry("Item", 3L).containsEntry("Part", 1L);
        assertThat(result.reads()).containsEntry("Item", ReadKind.FULL).containsEntry("Part", ReadKind.FULL);
        Watermarks pending = WatermarkStore.readPending(batch).orElseThrow();
        assertThat(pending.of("Item")).contains(new Watermark("ItemId", ValueType.INTEGER, 3L));
        assertThat(pending.of("Part")).contains(new Watermark("PartId", ValueType.INTEGER, 7L));
    }

    @Test
    void anEntityRecordedAsDoneWhoseRowsFileIsGoneIsReadAgain() throws SQLException {
        // given a record that the entity was staged, but a batch without its rows file
        insertItems(1, 2);
        Batch batch = newBatch();
        Map<String, EntityExtract> recorded = Map.of("Item", new EntityExtract("Item", 99, ReadKind.FULL, null));

        // when the extract starts again
        List<String> read = new java.util.ArrayList<>();
        IncrementalExtract result = extractor()
                .extract(batch, List.of(BY_ID), Watermarks.none(), recorded, done -> read.add(done.entity()));

        // then the record is not trusted without its file
        assertThat(read).containsExactly("Item");
        assertThat(result.summary().rowsByEntity()).containsEntry("Item", 2L);
    }

    @Test
    void aRecordedEntityExtractReadsBackWithEveryKindOfWatermark() {
        Instant changed = Instant.parse("2026-12-07T10:15:30.123456Z");
        for (Watermark watermark : List.of(
                new Watermark("ItemId", ValueType.INTEGER, 42L),
                new Watermark("RowVer", ValueType.BINARY, new byte[] {0, 0, 0, 0, 0, 0, 7, (byte) 0xd1}),
                new Watermark("Changed", ValueType.TIMESTAMP, LocalDateTime.ofInstant(changed, ZoneOffset.UTC)))) {
            EntityExtract done = new EntityExtract("Item", 5, ReadKind.INCREMENTAL, watermark);
            assertThat(EntityExtract.fromJson(done.toJson())).isEqualTo(done);
        }
        EntityExtract without = new EntityExtract("Item", 0, ReadKind.FULL, null);
        assertThat(EntityExtract.fromJson(without.toJson())).isEqualTo(without);
    }

    private JdbcRowExtractor extractor() {
        return new JdbcRowExtractor(dataSource, 2);
    }

    private Batch newBatch() {
        return store.createBatch(BatchId.newId(Instant.now()));
    }

    private IncrementalExtract commitAfterExtract(Batch batch) {
        return commitAfterExtract(batch, BY_ID);
    }

    private IncrementalExtract commitAfterExtract(Batch batch, SourceEntity entity) {
        IncrementalExtract result = extractor().extract(batch, List.of(entity), WatermarkStore.readCommitted(state));
        WatermarkStore.commit(batch, state);
        return result;
    }

    private void insertItems(long... ids) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO Item (ItemId, Name) VALUES (?, ?)")) {
            for (long id : ids) {
                insert.setLong(1, id);
                insert.setString(2, "Item " + id);
                insert.executeUpdate();
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute(sql);
        }
    }

    private int count(String table) throws SQLException {
        try (Statement st = db.createStatement();
                var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<Long> ids(Batch batch) {
        return StagedFiles.read(batch, "Item").rows().stream()
                .map(row -> (Long) row.get("ItemId"))
                .sorted()
                .toList();
    }
}
