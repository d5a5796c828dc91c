package io.twinsync.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.staging.manifest.BatchManifest;
import io.twinsync.staging.manifest.BatchManifests;
import io.twinsync.staging.manifest.ExtractSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStagingStoreTests {

    @TempDir
    Path root;

    @Test
    void aFileIsInvisibleUntilItsStreamIsCommitted() throws Exception {
        // given a file being written
        Batch batch = new LocalStagingStore(root).createBatch(BatchId.newId(Instant.now()));
        try (StagedOutput out = batch.create("twins/a.json")) {
            out.write("{}".getBytes(StandardCharsets.UTF_8));

            // then it is not there yet
            assertThat(batch.exists("twins/a.json")).isFalse();
            assertThat(batch.list("twins/")).isEmpty();

            // when it is committed, then it is
            out.commit();
            assertThat(batch.list("twins/")).containsExactly("twins/a.json");
        }
        assertThat(read(batch, "twins/a.json")).isEqualTo("{}");
    }

    @Test
    void aWriterThatFailsBeforeCommittingPublishesNothingAndKeepsTheEarlierFile() throws Exception {
        // given a committed file
        Batch batch = new LocalStagingStore(root).createBatch(BatchId.newId(Instant.now()));
        write(batch, "manifest.json", "whole");

        // when a second write of it fails half-way
        assertThatThrownBy(() -> {
                    try (StagedOutput out = batch.create("manifest.json")) {
                        out.write("half".getBytes(StandardCharsets.UTF_8));
                        throw new IOException("No space left on device");
                    }
                })
                .hasMessageContaining("No space left");

        // then the earlier file is untouched and no temporary file is left
        assertThat(read(batch, "manifest.json")).isEqualTo("whole");
        assertThat(filesIn(root.resolve("batches").resolve(batch.id().value()))).containsExactly("manifest.json");
    }

    @Test
    void aStateFileClosedWithoutCommitIsNeverCreated() throws Exception {
        // given a state area
        StateArea state = new LocalStagingStore(root).state();

        // when a file is written and closed without a commit
        try (StagedOutput out = state.create("writer/t/known.ndjson")) {
            out.write("partial\n".getBytes(StandardCharsets.UTF_8));
        }

        // then there is no such file, and nothing else in its folder
        assertThat(state.open("writer/t/known.ndjson")).isEmpty();
        assertThat(filesIn(root.resolve("state/writer/t"))).isEmpty();
    }

    @Test
    void twoWritersOfOneFileNeverShareATemporaryFile() throws Exception {
        // given two streams open on the same file in one thread, as two overlapping runs would have
        Batch batch = new LocalStagingStore(root).createBatch(BatchId.newId(Instant.now()));
        StagedOutput first = batch.create("results/part-1-of-1.ndjson");
        StagedOutput second = batch.create("results/part-1-of-1.ndjson");
        first.write("first run, longer line\n".getBytes(StandardCharsets.UTF_8));
        second.write("second\n".getBytes(StandardCharsets.UTF_8));

        // when each commits in turn
        first.commit();
        String afterFirst = read(batch, "results/part-1-of-1.ndjson");
        second.commit();

        // then each published exactly its own content
        assertThat(afterFirst).isEqualTo("first run, longer line\n");
        assertThat(read(batch, "results/part-1-of-1.ndjson")).isEqualTo("second\n");
    }

    @Test
    void aHeldLockRefusesASecondHolderNamingTheLockFile() {
        // given a lock that is held
        StateArea state = new LocalStagingStore(root).state();
        try (StateLock held = state.lock("writer/t/writer.lock")) {

            // when another writer asks for it / then it fails at once, naming the file
            assertThatThrownBy(() -> new LocalStagingStore(root).state().lock("writer/t/writer.lock"))
                    .isInstanceOf(StateLockedException.class)
                    .hasMessageContaining(
                            root.resolve("state/writer/t/writer.lock").toString())
                    .satisfies(e -> assertThat(((StateLockedException) e).location())
                            .isEqualTo(
                                    root.resolve("state/writer/t/writer.lock").toString()));
        }
    }

    @Test
    void aReleasedLockCanBeTakenAgain() {
        // given a lock taken and released
        StateArea state = new LocalStagingStore(root).state();
        state.lock("writer/t/writer.lock").close();

        // when it is taken again / then that works
        try (StateLock again = state.lock("writer/t/writer.lock")) {
            assertThat(root.resolve("state/writer/t/writer.lock")).exists();
        }
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
        // given two batches from the same second, the later one created first
        LocalStagingStore store = new LocalStagingStore(root);
        Instant second = Instant.parse("2026-01-01T00:00:00Z");
        BatchId first = BatchId.newId(second.plusMillis(1));
        BatchId later = BatchId.newId(second.plusMillis(2));
        store.createBatch(later);
        store.createBatch(first);

        // when they are listed / then they come in the order they were stamped
        assertThat(store.listBatches()).containsExactly(first, later);
        assertThat(store.latestBatch()).contains(later);
    }

    @Test
    void openingAMissingBatchSaysHowToListThem() {
        assertThatThrownBy(() -> new LocalStagingStore(root).openBatch(new BatchId("20260101T000000000Z-aaaaaa")))
                .hasMessageContaining("twinsync batches");
    }

    private static void write(Batch batch, String path, String content) throws IOException {
        try (StagedOutput out = batch.create(path)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
    }

    private static String read(Batch batch, String path) throws IOException {
        try (InputStream in = batch.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> filesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
