package io.twinsync.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.staging.manifest.BatchManifest;
import io.twinsync.staging.manifest.BatchManifests;
import io.twinsync.staging.manifest.ExtractSummary;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStagingStoreTests {

    @TempDir
    Path root;

    @Test
    void aFileIsInvisibleUntilItsStreamIsClosed() throws Exception {
        Batch batch = new LocalStagingStore(root).createBatch(BatchId.newId(Instant.now()));
        OutputStream out = batch.create("twins/a.json");
        out.write("{}".getBytes(StandardCharsets.UTF_8));

        assertThat(batch.exists("twins/a.json")).isFalse();
        assertThat(batch.list("twins/")).isEmpty();

        out.close();
        assertThat(batch.list("twins/")).containsExactly("twins/a.json");
    }

    @Test
    void pathsCannotEscapeTheBatch() {
        Batch batch = new LocalStagingStore(root).createBatch(BatchId.newId(Instant.now()));
        assertThatThrownBy(() -> batch.create("../../evil")).hasMessageContaining("points outside");
    }

    @Test
    void batchesListOldestFirstAndManifestsRoundTrip() {
        LocalStagingStore store = new LocalStagingStore(root);
        BatchId older = new BatchId("20260101T000000000Z-aaaaaa");
        BatchId newer = new BatchId("20260102T000000000Z-000000");
        store.createBatch(newer);
        Batch batch = store.createBatch(older);
        BatchManifest manifest = BatchManifest.start(older.value(), Instant.parse("2026-01-01T00:00:00Z"))
                .withExtract(new ExtractSummary(Instant.EPOCH, Instant.EPOCH, Map.of("site", 3L)));

        BatchManifests.write(batch, manifest);

        assertThat(store.listBatches()).containsExactly(older, newer);
        assertThat(store.latestBatch()).contains(newer);
        assertThat(BatchManifests.read(store.openBatch(older))).isEqualTo(manifest);
        assertThat(Files.exists(root.resolve("batches").resolve(older.value()).resolve("manifest.json")))
                .isTrue();
    }

    @Test
    void batchesCreatedInTheSameSecondStillListInOrder() {
        Instant second = Instant.parse("2026-01-01T00:00:00Z");
        BatchId first = BatchId.newId(second.plusMillis(1));
        BatchId later = BatchId.newId(second.plusMillis(2));

        assertThat(first).isLessThan(later);
    }

    @Test
    void openingAMissingBatchSaysHowToListThem() {
        assertThatThrownBy(() -> new LocalStagingStore(root).openBatch(new BatchId("20260101T000000000Z-aaaaaa")))
                .hasMessageContaining("twinsync batches");
    }
}
