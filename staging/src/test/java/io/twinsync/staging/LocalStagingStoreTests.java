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
    void aCommittedFolderIsAPlainFolderOfTheBatch() throws Exception {
        Batch batch = newBatch();
        try (StagedFolder twins = batch.createFolder("twins/")) {
            write(twins, "ab/a.json", "a");
            twins.commit();
        }
        assertThat(Path.of(batch.location()).resolve("twins/ab/a.json")).hasContent("a");
    }
}
