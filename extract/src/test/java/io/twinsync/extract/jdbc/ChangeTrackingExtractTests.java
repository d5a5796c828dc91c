package io.twinsync.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.extract.ExtractException;
import io.twinsync.extract.SourceEntity;
import io.twinsync.extract.watermark.IncrementalExtract;
import io.twinsync.extract.watermark.ReadKind;
import io.twinsync.extract.watermark.Watermark;
import io.twinsync.extract.watermark.WatermarkStore;
import io.twinsync.extract.watermark.Watermarks;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.rows.ValueType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Change tracking reads against H2 in SQL Server mode, with the version functions stood in for ({@link
 * H2ChangeTrackingFunctions}): whole reads run; the changes read is planned here and its text checked, since H2 has
 * no {@code CHANGETABLE} (that read runs in {@code ChangeTrackingSqlServerIntegrationTests}).
 */
class ChangeTrackingExtractTests {

    private static final SourceEntity ITEM =
            SourceEntity.ofTable("Item", "dbo.Item", "ItemId").withChangeTracking();

    @TempDir
    Path staging;

    private JdbcDataSource dataSource;
    private Connection db;
    private LocalStagingStore store;

    @BeforeEach
    void openDatabase() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:ct-" + UUID.randomUUID()
                + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        db = dataSource.getConnection();
        execute("CREATE SCHEMA dbo");
        execute("CREATE TABLE dbo.Item (ItemId BIGINT PRIMARY KEY, Name VARCHAR(100))");
        execute("INSERT INTO dbo.Item VALUES (1, 'one'), (2, 'two')");
        H2ChangeTrackingFunctions.install(db);
        store = new LocalStagingStore(staging);
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        db.close();
    }

    @Test
    void theFirstReadIsWholeWithANullOperationAndKeepsTheCurrentVersion() throws SQLException {
        // given change tracking at version 5 and no version kept
        H2ChangeTrackingFunctions.set(db, 5L, 1L);

        // when extracted
        Batch batch = newBatch();
        IncrementalExtract result = extractor().extract(batch, List.of(ITEM), Watermarks.none());

        // then every row is read, with SYS_CHANGE_OPERATION NULL, and version 5 is pending
        assertThat(result.reads()).containsEntry("Item", ReadKind.FULL);
        StagedFiles rows = StagedFiles.read(batch, "Item");
        assertThat(rows.schema().columnNames()).containsExactly("SYS_CHANGE_OPERATION", "ItemId", "Name");
        assertThat(rows.rows()).hasSize(2);
        assertThat(rows.row(1).get("SYS_CHANGE_OPERATION")).isNull();
        assertThat(WatermarkStore.readPending(batch).orElseThrow().of("Item"))
                .contains(new Watermark("SYS_CHANGE_VERSION", ValueType.INTEGER, 5L));
    }

    @Test
    void aKeptVersionBelowTheMinimumValidVersionReadsTheTableWholeAsAReset() throws SQLException {
        // given version 3 kept, but retention cleaned up changes up to 7 (minimum valid version 8)
        H2ChangeTrackingFunctions.set(db, 12L, 8L);
        Watermarks kept = Watermarks.none().with("Item", new Watermark("SYS_CHANGE_VERSION", ValueType.INTEGER, 3L));

        // when extracted
        Batch batch = newBatch();
        IncrementalExtract result = extractor().extract(batch, List.of(ITEM), kept);

        // then the table is read whole (not the changes, which are lost) and the current version is pending
        assertThat(result.reads()).containsEntry("Item", ReadKind.FULL);
        assertThat(StagedFiles.read(batch, "Item").rows()).hasSize(2);
        assertThat(result.pending().of("Item").orElseThrow().value()).isEqualTo(12L);
    }

    @Test
    void aValidKeptVersionPlansTheChangesReadWithTheVersionAsABigintParameter() throws SQLException {
        // given version 9 kept and still valid
        H2ChangeTrackingFunctions.set(db, 12L, 8L);
        Watermark kept = new Watermark("SYS_CHANGE_VERSION", ValueType.INTEGER, 9L);

        // when the read is planned
        ChangeTrackingRead read = ChangeTrackingRead.plan(db, ITEM, kept);

        // then it reads the changes since 9, binding 9 with setLong, and will keep 12
        assertThat(read.kind()).isEqualTo(ReadKind.INCREMENTAL);
        assertThat(read.sql())
                .isEqualTo("SELECT CASE WHEN T.[ItemId] IS NULL THEN N'D' ELSE CT.SYS_CHANGE_OPERATION END"
                        + " AS [SYS_CHANGE_OPERATION], CT.[ItemId] AS [ItemId], T.[Name]"
                        + " FROM CHANGETABLE(CHANGES [dbo].[Item], ?) AS CT LEFT OUTER JOIN [dbo].[Item] AS T"
                        + " ON T.[ItemId] = CT.[ItemId]");
        List<String> calls = new ArrayList<>();
        read.bind(ChangeTrackingReadTests.recording(calls));
        assertThat(calls).containsExactly("setLong[1, 9]");
        assertThat(read.version()).isEqualTo(new Watermark("SYS_CHANGE_VERSION", ValueType.INTEGER, 12L));
    }

    @Test
    void aWatermarkKeptOnAnotherColumnIsIgnoredAndTheTableReadWhole() throws SQLException {
        // given a rowversion watermark kept from before the entity used change tracking
        H2ChangeTrackingFunctions.set(db, 12L, 1L);
        Watermarks kept = Watermarks.none().with("Item", new Watermark("RowVer", ValueType.BINARY, new byte[8]));

        // when extracted, then the read is whole and the version is what is kept from now on
        IncrementalExtract result = extractor().extract(newBatch(), List.of(ITEM), kept);
        assertThat(result.reads()).containsEntry("Item", ReadKind.FULL);
        assertThat(result.pending().of("Item").orElseThrow().column()).isEqualTo("SYS_CHANGE_VERSION");
    }

    @Test
    void changeTrackingNotEnabledOnTheTableFailsSayingHowToEnableIt() throws SQLException {
        // given the database tracks changes but the table does not (its minimum valid version is NULL)
        H2ChangeTrackingFunctions.set(db, 12L, null);

        // when extracted, then the failure names the entity and the statement to run
        assertThatThrownBy(() -> extractor().extract(newBatch(), List.of(ITEM), Watermarks.none()))
                .isInstanceOf(ExtractException.class)
                .hasMessageContaining("Entity Item uses change tracking, but SELECT"
                        + " CHANGE_TRACKING_MIN_VALID_VERSION(OBJECT_ID(?)) gave NULL")
                .hasMessageContaining("ALTER TABLE dbo.Item ENABLE CHANGE_TRACKING")
                .hasMessageContaining("GRANT VIEW CHANGE TRACKING ON dbo.Item");
    }

    @Test
    void changeTrackingNotEnabledOnTheDatabaseFailsSayingHowToEnableIt() throws SQLException {
        // given a database without change tracking: both versions are NULL
        H2ChangeTrackingFunctions.set(db, null, null);

        // when extracted, then the failure names the database statement
        assertThatThrownBy(() -> extractor().extract(newBatch(), List.of(ITEM), Watermarks.none()))
                .isInstanceOf(ExtractException.class)
                .hasMessageContaining("change tracking is not enabled on the database")
                .hasMessageContaining("ALTER DATABASE CURRENT SET CHANGE_TRACKING = ON");
    }

    @Test
    void aKeyColumnThatIsNotATableColumnFails() throws SQLException {
        H2ChangeTrackingFunctions.set(db, 12L, 1L);
        SourceEntity wrongKey = SourceEntity.ofTable("Item", "dbo.Item", "Code").withChangeTracking();

        assertThatThrownBy(() -> extractor().extract(newBatch(), List.of(wrongKey), Watermarks.none()))
                .isInstanceOf(ExtractException.class)
                .hasMessageContaining("key column Code is not a column of dbo.Item")
                .hasMessageContaining("primary key");
    }

    private JdbcRowExtractor extractor() {
        return new JdbcRowExtractor(dataSource, 2);
    }

    private Batch newBatch() {
        return store.createBatch(BatchId.newId(Instant.now()));
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute(sql);
        }
    }
}
