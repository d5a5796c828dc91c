package io.twinsync.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link StagingStoreContract} for a local folder, and what only a local folder does. */
class LocalStagingStoreTests extends StagingStoreContract {

    @TempDir
    Path root;

    @Override
    protected StagingStore newStore() {
        return new LocalStagingStore(root.resolve(UUID.randomUUID().toString()));
    }

    @Override
    protected StagingStore sameStoreAgain(StagingStore store) {
        return new LocalStagingStore(Path.of(store.location()));
    }

    @Override
    protected void copyIntoArchiveWithoutDeleting(StagingStore store, BatchId id) throws IOException {
        Path root = Path.of(store.location());
        Path copy = root.resolve("archive").resolve(id.value());
        LocalFiles.copyTree(root.resolve("batches").resolve(id.value()), copy, null);
        Files.writeString(copy.resolve(BatchLayout.ARCHIVED), "{}");
    }

    @Override
    protected boolean originalExists(StagingStore store, BatchId id) {
        return Files.exists(Path.of(store.location()).resolve("batches").resolve(id.value()));
    }

    /** Hidden entries anywhere under the batch: temporary files and working or replaced folders. */
    @Override
    protected List<String> leftovers(Batch batch) {
        Path dir = Path.of(batch.location());
        try (Stream<Path> entries = Files.walk(dir)) {
            return entries.filter(p -> !p.equals(dir))
                    .filter(p -> p.getFileName().toString().startsWith(".") || LocalFiles.isTemporary(p))
                    .map(p -> dir.relativize(p).toString())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aStateFileClosedWithoutCommitLeavesNoTemporaryFile() throws Exception {
        StagingStore store = newStore();
        try (StagedOutput out = store.state().create("writer/t/known.ndjson")) {
            out.write("partial\n".getBytes(StandardCharsets.UTF_8));
        }
        try (Stream<Path> files = Files.list(Path.of(store.location()).resolve("state/writer/t"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void theLockIsAFileInTheStateFolderAndItsPathIsInTheMessage() {
        StagingStore store = newStore();
        Path lockFile = Path.of(store.location()).resolve("state/writer/t/writer.lock");
        try (StateLock held = store.state().lock("writer/t/writer.lock")) {
            assertThat(lockFile).exists();
            assertThatThrownBy(() -> sameStoreAgain(store).state().lock("writer/t/writer.lock"))
                    .hasMessageContaining(lockFile.toString());
        }
    }

    @Test
    void aLocalBatchMovesToTheArchiveWholeByOneRename() throws Exception {
        // given a batch with files in folders
        StagingStore store = newStore();
        Batch batch = newBatchIn(store);
        write(batch, "rows/site.ndjson", "r");

        // when it is archived
        store.archiveBatch(batch.id());

        // then its folder is under archive/, marker included, and batches/ holds nothing of it
        Path archived =
                Path.of(store.location()).resolve("archive").resolve(batch.id().value());
        assertThat(archived.resolve("rows/site.ndjson")).hasContent("r");
        assertThat(archived.resolve(BatchLayout.ARCHIVED))
                .content()
                .contains(batch.id().value(), "archivedAt");
        assertThat(Path.of(store.location())
                        .resolve("batches")
                        .resolve(batch.id().value()))
                .doesNotExist();
    }

    @Test
    void anArchiveCopyWithoutItsMarkerIsNotReadAndIsReplacedByTheNextMove() throws Exception {
        // given a copy that a killed process left half done, without its marker
        StagingStore store = newStore();
        Batch batch = newBatchIn(store);
        write(batch, "manifest.json", "m");
        Path copy =
                Path.of(store.location()).resolve("archive").resolve(batch.id().value());
        Files.createDirectories(copy);
        Files.writeString(copy.resolve("manifest.json"), "half");

        // then the batch is read from batches/
        assertThat(read(store.openBatch(batch.id()), "manifest.json")).isEqualTo("m");
        assertThat(store.archivedBatches()).isEmpty();

        // when it is archived, then the archive holds the batch as it is
        store.archiveBatch(batch.id());
        assertThat(read(store.openBatch(batch.id()), "manifest.json")).isEqualTo("m");
    }

    private static Batch newBatchIn(StagingStore store) {
        return store.createBatch(BatchId.newId(java.time.Instant.now()));
    }

    @Test
    void aCommittedFolderIsAPlainFolderOfTheBatch() throws Exception {
        Batch batch = newBatch();
        try (StagedFolder twins = batch.createFolder("twins/")) {
            write(twins, "ab/a.json", "a");
            twins.commit();
        }
        assertThat(Path.of(batch.location()).resolve("twins/ab/a.json")).hasContent("a");
    }
}
