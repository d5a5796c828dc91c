package io.twinsync.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.staging.manifest.BatchManifest;
import io.twinsync.staging.manifest.BatchManifests;
import io.twinsync.staging.manifest.ExtractSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StagingStore} promises (files and folders appear whole, locks exclude), run against each
 * implementation by a subclass.
 */
public abstract class StagingStoreContract {

    /** A new, empty store. */
    protected abstract StagingStore newStore();

    /** A second handle on the same store, as another process would open it. */
    protected abstract StagingStore sameStoreAgain(StagingStore store);

    /**
     * Leaves the store as a move to the archive cut short after the marker was written and before the original was
     * deleted.
     */
    protected abstract void copyIntoArchiveWithoutDeleting(StagingStore store, BatchId id) throws IOException;

    /** Whether anything of the batch is left in {@code batches/}. */
    protected abstract boolean originalExists(StagingStore store, BatchId id);

    /** What is stored under the batch besides its published files: temporary or replaced data, if any is left. */
    protected abstract List<String> leftovers(Batch batch);

    @Test
    void aFileIsInvisibleUntilItsStreamIsCommitted() throws Exception {
        // given a file being written
        Batch batch = newBatch();
        try (StagedOutput out = batch.create("results/a.ndjson")) {
            out.write("{}".getBytes(StandardCharsets.UTF_8));

            // then it is not there yet
            assertThat(batch.exists("results/a.ndjson")).isFalse();
            assertThat(batch.list("results/")).isEmpty();

            // when it is committed, then it is
            out.commit();
            assertThat(batch.list("results/")).containsExactly("results/a.ndjson");
        }
        assertThat(read(batch, "results/a.ndjson")).isEqualTo("{}");
        assertThat(batch.exists("results/a.ndjson")).isTrue();
    }

    @Test
    void aWriterThatFailsBeforeCommittingPublishesNothingAndKeepsTheEarlierFile() throws Exception {
        // given a committed file
        Batch batch = newBatch();
        write(batch, "manifest.json", "whole");

        // when a second write of it fails half-way
        assertThatThrownBy(() -> {
                    try (StagedOutput out = batch.create("manifest.json")) {
                        out.write("half".getBytes(StandardCharsets.UTF_8));
                        throw new IOException("No space left on device");
                    }
                })
                .hasMessageContaining("No space left");

        // then the earlier file is untouched and nothing else is left
        assertThat(read(batch, "manifest.json")).isEqualTo("whole");
        assertThat(leftovers(batch)).isEmpty();
    }

    @Test
    void aFileLargerThanOneUploadIsPublishedWholeOnCommitOnly() throws Exception {
        // given 9 MB of rows, more than one block of a blob
        Batch batch = newBatch();
        byte[] content = new byte[9 * 1024 * 1024 + 17];
        new Random(7).nextBytes(content);
        try (StagedOutput out = batch.create("rows/big.ndjson")) {
            for (int offset = 0; offset < content.length; offset += 100_000) {
                out.write(content, offset, Math.min(100_000, content.length - offset));
            }

            // then nothing shows before the commit
            assertThat(batch.exists("rows/big.ndjson")).isFalse();
            out.commit();
        }

        // when it is read back / then it is whole
        try (InputStream in = batch.open("rows/big.ndjson")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void anEmptyFileIsAFile() throws Exception {
        Batch batch = newBatch();
        write(batch, "rejects/extract.ndjson", "");
        assertThat(batch.exists("rejects/extract.ndjson")).isTrue();
        assertThat(read(batch, "rejects/extract.ndjson")).isEmpty();
    }

    @Test
    void aStateFileClosedWithoutCommitIsNeverCreatedAndACommittedOneReadsBack() throws Exception {
        // given a state area
        StateArea state = newStore().state();

        // when a file is written and closed without a commit / then there is no such file
        try (StagedOutput out = state.create("writer/t/known.ndjson")) {
            out.write("partial\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(state.open("writer/t/known.ndjson")).isEmpty();

        // when it is written and committed / then it reads back
        try (StagedOutput out = state.create("writer/t/known.ndjson")) {
            out.write("whole\n".getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
        try (InputStream in = state.open("writer/t/known.ndjson").orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("whole\n");
        }
    }

    @Test
    void aScopedStateAreaKeepsEachTargetsFilesApartAndLocksThemInTheParent() throws Exception {
        // given two targets' views of one state area
        StateArea state = newStore().state();
        StateArea first = state.scoped("targets/a/");
        StateArea second = state.scoped("targets/b/");

        // when the first writes a file
        try (StagedOutput out = first.create("extract/watermarks.json")) {
            out.write("a\n".getBytes(StandardCharsets.UTF_8));
            out.commit();
        }

        // then only the first sees it, and it lives under the first's folder of the parent
        assertThat(second.open("extract/watermarks.json")).isEmpty();
        assertThat(state.open("extract/watermarks.json")).isEmpty();
        try (InputStream in = state.open("targets/a/extract/watermarks.json").orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a\n");
        }
        // and a lock taken through the view is the parent's lock of that path
        try (StateLock held = first.lock("run.lock")) {
            assertThatThrownBy(() -> state.lock("targets/a/run.lock")).isInstanceOf(StateLockedException.class);
            second.lock("run.lock").close();
        }
        assertThatThrownBy(() -> state.scoped("../x/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoWritersOfOneFileEachPublishExactlyTheirOwnContent() throws Exception {
        // given two streams open on the same file, as two overlapping runs would have
        Batch batch = newBatch();
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
    void aHeldLockRefusesASecondHolderNamingTheLock() {
        // given a lock that is held
        StagingStore store = newStore();
        try (StateLock held = store.state().lock("writer/t/writer.lock")) {

            // when another process asks for it / then it fails at once, naming where the lock is
            assertThatThrownBy(() -> sameStoreAgain(store).state().lock("writer/t/writer.lock"))
                    .isInstanceOf(StateLockedException.class)
                    .hasMessageContaining("writer/t/writer.lock")
                    .satisfies(e -> assertThat(((StateLockedException) e).location())
                            .startsWith(store.location())
                            .endsWith("writer/t/writer.lock"));
        }
    }

    @Test
    void aHeldLockNamesItsHolderToWhomItRefuses() {
        // given a lock held by a run of a batch
        StagingStore store = newStore();
        LockHolder holder =
                new LockHolder("build-7", 4242, "20261207T060000000Z-ab12cd", Instant.parse("2026-12-07T06:00:01Z"));
        try (StateLock held = store.state().lock("writer/t/run.lock", holder)) {

            // when another process asks for it / then it is told who holds it
            assertThatThrownBy(() -> sameStoreAgain(store).state().lock("writer/t/run.lock"))
                    .isInstanceOf(StateLockedException.class)
                    .hasMessageContaining("pid 4242 on host build-7, batch 20261207T060000000Z-ab12cd,"
                            + " since 2026-12-07T06:00:01Z")
                    .satisfies(
                            e -> assertThat(((StateLockedException) e).holder()).contains(holder));
        }
    }

    @Test
    void aLockTakenAgainNamesItsNewHolder() {
        // given a lock taken and released by one holder, then taken by another
        StagingStore store = newStore();
        LockHolder first = new LockHolder("build-7", 4242, null, Instant.parse("2026-12-07T06:00:01Z"));
        LockHolder second =
                new LockHolder("build-8", 77, "20261207T070000000Z-ef34ab", Instant.parse("2026-12-07T07:00:00Z"));
        store.state().lock("writer/t/run.lock", first).close();
        try (StateLock held = sameStoreAgain(store).state().lock("writer/t/run.lock", second)) {

            // when a third asks for it / then it is told of the second holder only
            assertThatThrownBy(() -> store.state().lock("writer/t/run.lock"))
                    .isInstanceOf(StateLockedException.class)
                    .satisfies(
                            e -> assertThat(((StateLockedException) e).holder()).contains(second));
        }
    }

    @Test
    void aReleasedLockCanBeTakenAgainAndOtherLocksAreIndependent() {
        // given a lock taken and released, and another lock held
        StateArea state = newStore().state();
        state.lock("writer/t/writer.lock").close();
        try (StateLock other = state.lock("writer/u/writer.lock")) {

            // when the first is taken again / then that works
            state.lock("writer/t/writer.lock").close();
        }
    }

    @Test
    void pathsCannotEscapeTheBatch() {
        Batch batch = newBatch();
        assertThatThrownBy(() -> batch.create("../../evil")).hasMessageContaining("points outside");
        assertThatThrownBy(() -> batch.open("../other/manifest.json")).hasMessageContaining("points outside");
    }

    @Test
    void batchesListOldestFirstAndManifestsRoundTrip() {
        StagingStore store = newStore();
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
        assertThat(store.openBatch(newer).location())
                .startsWith(store.location())
                .endsWith(newer.value());
    }

    @Test
    void batchesCreatedInTheSameSecondStillListInOrder() {
        // given two batches from the same second, the later one created first
        StagingStore store = newStore();
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
    void anEmptyStoreHasNoBatchesAndABatchIdIsUsedOnce() {
        StagingStore store = newStore();
        assertThat(store.listBatches()).isEmpty();
        assertThat(store.latestBatch()).isEmpty();
        BatchId id = new BatchId("20260101T000000000Z-aaaaaa");
        store.createBatch(id);
        assertThatThrownBy(() -> store.createBatch(id)).hasMessageContaining("already exists");
        assertThat(store.listBatches()).containsExactly(id);
    }

    @Test
    void openingAMissingBatchSaysHowToListThem() {
        assertThatThrownBy(() -> newStore().openBatch(new BatchId("20260101T000000000Z-aaaaaa")))
                .hasMessageContaining("twinsync batches");
    }

    @Test
    void openingAMissingFileNamesTheBatchAndTheFile() {
        Batch batch = newBatch();
        assertThatThrownBy(() -> batch.open("models.json"))
                .isInstanceOf(StagingException.class)
                .hasMessageContaining(batch.id().value())
                .hasMessageContaining("models.json");
    }

    @Test
    void deletingAFileRemovesItAndDeletingAMissingOneIsFine() throws Exception {
        Batch batch = newBatch();
        write(batch, "present/site.ndjson", "x");
        batch.delete("present/site.ndjson");
        batch.delete("present/site.ndjson");
        assertThat(batch.exists("present/site.ndjson")).isFalse();
        assertThat(batch.list("present/")).isEmpty();
    }

    // --- the archive ---

    @Test
    void anArchivedBatchIsListedAndReadAsBeforeAndSaysWhereItIs() throws Exception {
        // given a batch with a file and a published folder
        StagingStore store = newStore();
        BatchId id = new BatchId("20260101T000000000Z-aaaaaa");
        Batch batch = store.createBatch(id);
        write(batch, "manifest.json", "m");
        try (StagedFolder twins = batch.createFolder("twins/")) {
            write(twins, "ab/a.json", "a");
            twins.commit();
        }

        // when it is archived
        store.archiveBatch(id);

        // then it is still listed, and read from the archive through any handle on the store
        assertThat(store.listBatches()).containsExactly(id);
        assertThat(store.archivedBatches()).containsExactly(id);
        Batch archived = sameStoreAgain(store).openBatch(id);
        assertThat(archived.location()).contains("archive").endsWith(id.value());
        assertThat(read(archived, "manifest.json")).isEqualTo("m");
        assertThat(read(archived, "twins/ab/a.json")).isEqualTo("a");
        assertThat(archived.list("twins/")).containsExactly("twins/ab/a.json");
        assertThat(archived.exists(BatchLayout.ARCHIVED)).isTrue();
    }

    @Test
    void aHandleOpenedBeforeTheMoveFollowsTheBatchIntoTheArchive() throws Exception {
        // given a batch opened while it is in batches/
        StagingStore store = newStore();
        BatchId id = BatchId.newId(Instant.parse("2026-01-01T00:00:00Z"));
        Batch batch = store.createBatch(id);
        write(batch, "manifest.json", "m");

        // when it is archived meanwhile
        store.archiveBatch(id);

        // then the handle reads it from the archive, and says so
        assertThat(read(batch, "manifest.json")).isEqualTo("m");
        assertThat(batch.location()).contains("archive");
    }

    @Test
    void archivingAgainDoesNothingAndAnIdOfTheArchiveIsNotUsedAgain() throws Exception {
        StagingStore store = newStore();
        BatchId id = new BatchId("20260101T000000000Z-aaaaaa");
        write(store.createBatch(id), "manifest.json", "m");
        store.archiveBatch(id);

        store.archiveBatch(id);

        assertThat(read(store.openBatch(id), "manifest.json")).isEqualTo("m");
        assertThatThrownBy(() -> store.createBatch(id)).hasMessageContaining("already exists");
        assertThatThrownBy(() -> store.archiveBatch(new BatchId("20260101T000000000Z-bbbbbb")))
                .isInstanceOf(StagingException.class)
                .hasMessageContaining("No batch");
    }

    @Test
    void anArchivedAndAnUnarchivedBatchListTogetherOldestFirst() {
        StagingStore store = newStore();
        BatchId older = new BatchId("20260101T000000000Z-aaaaaa");
        BatchId newer = new BatchId("20260102T000000000Z-aaaaaa");
        store.createBatch(older);
        store.createBatch(newer);

        store.archiveBatch(older);

        assertThat(store.listBatches()).containsExactly(older, newer);
        assertThat(store.archivedBatches()).containsExactly(older);
        assertThat(store.latestBatch()).contains(newer);
    }

    @Test
    void aDeletedArchivedBatchIsGoneAndDeletingItAgainIsFine() throws Exception {
        StagingStore store = newStore();
        BatchId id = new BatchId("20260101T000000000Z-aaaaaa");
        Batch batch = store.createBatch(id);
        write(batch, "results/part-1-of-1.ndjson", "{}");
        store.archiveBatch(id);

        store.deleteArchivedBatch(id);
        store.deleteArchivedBatch(id);

        assertThat(store.listBatches()).isEmpty();
        assertThat(store.archivedBatches()).isEmpty();
        assertThatThrownBy(() -> store.openBatch(id)).hasMessageContaining("twinsync batches");
    }

    @Test
    void aMoveCutShortBeforeTheOriginalWasDeletedIsReadFromTheArchiveAndFinishedByArchivingAgain() throws Exception {
        // given a batch whose archive copy is whole (marker written) but whose original is still there
        StagingStore store = newStore();
        BatchId id = new BatchId("20260101T000000000Z-aaaaaa");
        write(store.createBatch(id), "manifest.json", "m");
        copyIntoArchiveWithoutDeleting(store, id);

        // then it is listed once and read from the archive
        assertThat(store.listBatches()).containsExactly(id);
        assertThat(store.openBatch(id).location()).contains("archive");

        // when it is archived again, then the original goes and the archive copy stays
        store.archiveBatch(id);
        assertThat(originalExists(store, id)).isFalse();
        assertThat(read(store.openBatch(id), "manifest.json")).isEqualTo("m");
    }

    // --- folders published as a whole ---

    @Test
    void filesOfAFolderAppearTogetherOnlyWhenTheFolderIsCommitted() throws Exception {
        // given a folder being written with two files in sub-folders
        Batch batch = newBatch();
        try (StagedFolder twins = batch.createFolder("twins/")) {
            write(twins, "ab/one.json", "1");
            write(twins, "cd/two.json", "2");

            // then the batch does not show them yet
            assertThat(batch.list("twins/")).isEmpty();
            assertThat(twins.exists("ab/one.json")).isTrue();

            // when the folder is committed, then both are there
            twins.commit();
        }
        assertThat(batch.list("twins/")).containsExactly("twins/ab/one.json", "twins/cd/two.json");
        assertThat(read(batch, "twins/cd/two.json")).isEqualTo("2");
        assertThat(reopened(batch).list("twins/")).containsExactly("twins/ab/one.json", "twins/cd/two.json");
    }

    @Test
    void aCommittedFolderReplacesTheEarlierOneAsAWhole() throws Exception {
        // given a batch whose twins/ holds a file of an earlier run
        Batch batch = newBatch();
        try (StagedFolder first = batch.createFolder("twins/")) {
            write(first, "ab/old.json", "old");
            write(first, "ab/kept-name.json", "old");
            first.commit();
        }

        // when a new folder with other content is committed
        try (StagedFolder second = batch.createFolder("twins/")) {
            write(second, "ab/kept-name.json", "new");
            second.commit();
        }

        // then only the new content is there, and no working or replaced folder is left behind
        assertThat(batch.list("twins/")).containsExactly("twins/ab/kept-name.json");
        assertThat(read(batch, "twins/ab/kept-name.json")).isEqualTo("new");
        assertThat(reopened(batch).list("twins/")).containsExactly("twins/ab/kept-name.json");
        assertThat(leftovers(batch)).isEmpty();
    }

    @Test
    void aFolderClosedWithoutCommitLeavesTheEarlierOneAndNoTrace() throws Exception {
        // given a committed folder
        Batch batch = newBatch();
        try (StagedFolder first = batch.createFolder("twins/")) {
            write(first, "ab/a.json", "a");
            first.commit();
        }

        // when a second run fails part-way (closed without commit)
        try (StagedFolder second = batch.createFolder("twins/")) {
            write(second, "ab/b.json", "b");
        }

        // then the first run's folder is untouched and the working folder is gone
        assertThat(batch.list("twins/")).containsExactly("twins/ab/a.json");
        assertThat(leftovers(batch)).isEmpty();
    }

    @Test
    void createNewTellsAnExistingNameApartAndTheFirstFileCanBeReadBack() throws Exception {
        // given a folder with a committed file
        Batch batch = newBatch();
        try (StagedFolder twins = batch.createFolder("twins/")) {
            write(twins, "ab/a.json", "first");

            // when the same name is created again
            Optional<StagedOutput> again = twins.createNew("ab/a.json");

            // then it is refused, and the first file is intact
            assertThat(again).isEmpty();
            try (InputStream in = twins.open("ab/a.json")) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("first");
            }
        }
    }

    @Test
    void aFileClosedWithoutCommitInAFolderIsRemovedSoItsNameCanBeWrittenAgain() throws Exception {
        // given a file of a folder closed without commit
        Batch batch = newBatch();
        try (StagedFolder twins = batch.createFolder("twins/")) {
            try (StagedOutput out = twins.createNew("ab/a.json").orElseThrow()) {
                out.write("half".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(twins.exists("ab/a.json")).isFalse();

            // when the name is created again, then it is free
            write(twins, "ab/a.json", "whole");
            twins.commit();
        }
        assertThat(read(batch, "twins/ab/a.json")).isEqualTo("whole");
    }

    @Test
    void manyWritersCreatingOverlappingNamesGetEachNameExactlyOnce() throws Exception {
        // given eight threads that each try to create the same 200 names
        Batch batch = newBatch();
        AtomicInteger created = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (StagedFolder twins = batch.createFolder("twins/")) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        String name = String.format("%02x/twin-%03d.json", i % 16, i);
                        Optional<StagedOutput> out = twins.createNew(name);
                        if (out.isPresent()) {
                            try (StagedOutput file = out.get()) {
                                file.write(("t" + thread).getBytes(StandardCharsets.UTF_8));
                                file.commit();
                            }
                            created.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }

            // when the folder is committed
            twins.commit();
        } finally {
            threads.shutdown();
        }

        // then every name was created once, and all 200 are there
        assertThat(created).hasValue(200);
        assertThat(batch.list("twins/")).hasSize(200);
    }

    @Test
    void aFolderCannotEscapeTheBatchOrBeTheBatchItself() {
        Batch batch = newBatch();
        assertThatThrownBy(() -> batch.createFolder("../elsewhere/")).isInstanceOf(StagingException.class);
        assertThatThrownBy(() -> batch.createFolder("")).isInstanceOf(IllegalArgumentException.class);
        try (StagedFolder twins = batch.createFolder("twins/")) {
            assertThatThrownBy(() -> twins.createNew("../../manifest.json")).isInstanceOf(StagingException.class);
        }
    }

    @Test
    void aCommittedFolderTakesNoMoreFiles() {
        Batch batch = newBatch();
        StagedFolder twins = batch.createFolder("twins/");
        twins.commit();
        assertThatThrownBy(() -> twins.createNew("a.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already committed");
        twins.close();
    }

    private StagingStore batchStore;

    protected Batch newBatch() {
        batchStore = newStore();
        return batchStore.createBatch(BatchId.newId(Instant.now()));
    }

    /** The batch made by {@link #newBatch()}, opened again through a second handle on its store. */
    private Batch reopened(Batch batch) {
        return sameStoreAgain(batchStore).openBatch(batch.id());
    }

    protected static void write(Batch batch, String path, String content) throws IOException {
        try (StagedOutput out = batch.create(path)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
    }

    protected static void write(StagedFolder folder, String name, String content) throws IOException {
        try (StagedOutput out = folder.createNew(name).orElseThrow()) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
    }

    protected static String read(Batch batch, String path) throws IOException {
        try (InputStream in = batch.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
