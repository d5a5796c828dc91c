package io.twinsync.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStagedFolderTests {

    @TempDir
    Path root;

    @Test
    void filesOfAFolderAppearTogetherOnlyWhenTheFolderIsCommitted() throws Exception {
        // given a folder being written with two files in sub-folders
        Batch batch = newBatch();
        try (StagedFolder twins = batch.createFolder("twins/")) {
            write(twins, "ab/one.json", "1");
            write(twins, "cd/two.json", "2");

            // then the batch does not show them yet
            assertThat(batch.list("twins/")).isEmpty();

            // when the folder is committed, then both are there
            twins.commit();
        }
        assertThat(batch.list("twins/")).containsExactly("twins/ab/one.json", "twins/cd/two.json");
        assertThat(read(batch, "twins/cd/two.json")).isEqualTo("2");
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
        assertThat(entriesOf(batchDir(batch))).containsExactly("twins");
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
        assertThat(entriesOf(batchDir(batch))).containsExactly("twins");
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

            // when the name is created again, then it is free
            write(twins, "ab/a.json", "whole");
            twins.commit();
        }
        assertThat(read(batch, "twins/ab/a.json")).isEqualTo("whole");
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

    private Batch newBatch() {
        return new LocalStagingStore(root).createBatch(BatchId.newId(Instant.now()));
    }

    private Path batchDir(Batch batch) {
        return root.resolve("batches").resolve(batch.id().value());
    }

    private static void write(StagedFolder folder, String name, String content) throws IOException {
        try (StagedOutput out = folder.createNew(name).orElseThrow()) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
    }

    private static String read(Batch batch, String path) throws IOException {
        try (InputStream in = batch.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static java.util.List<String> entriesOf(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
