package io.twinsync.orchestrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagingStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchArchiveTests {

    private static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");

    @TempDir
    Path root;

    @Test
    void aDoneBatchMovesToTheArchiveAndArchivedOnesBeyondBothLimitsGo() {
        // given five archived batches, one a day, and a new one just done
        StagingStore staging = new LocalStagingStore(root);
        List<BatchId> old = IntStream.rangeClosed(1, 5)
                .mapToObj(daysAgo -> BatchId.newId(NOW.minus(Duration.ofDays(10 + daysAgo))))
                .sorted()
                .toList();
        old.forEach(id -> {
            staging.createBatch(id);
            staging.archiveBatch(id);
        });
        BatchId done = BatchId.newId(NOW);
        staging.createBatch(done);

        // when it is archived keeping 7 days or the newest 3
        archive(staging, new TwinsyncProperties.Archive(true, 7, 3)).archive(done);

        // then it is archived, and the three oldest (all older than 7 days) are gone
        assertThat(staging.archivedBatches()).containsExactly(old.get(3), old.get(4), done);
        assertThat(staging.listBatches()).containsExactly(old.get(3), old.get(4), done);
    }

    @Test
    void withArchivingOffTheBatchStaysAndNothingIsDeleted() {
        StagingStore staging = new LocalStagingStore(root);
        BatchId old = BatchId.newId(NOW.minus(Duration.ofDays(100)));
        staging.createBatch(old);
        staging.archiveBatch(old);
        BatchId done = BatchId.newId(NOW);
        staging.createBatch(done);

        archive(staging, new TwinsyncProperties.Archive(false, 0, 1)).archive(done);

        assertThat(staging.archivedBatches()).containsExactly(old);
        assertThat(root.resolve("batches").resolve(done.value())).isDirectory();
    }

    @Test
    void aResumedArchiveStepFinishesAMoveCutShortAfterTheCopyWasMarkedWhole() throws Exception {
        // given a batch copied to the archive, marker written, whose original was not deleted yet (a crash)
        StagingStore staging = new LocalStagingStore(root);
        BatchId done = BatchId.newId(NOW);
        staging.createBatch(done);
        Path original = root.resolve("batches").resolve(done.value());
        Files.writeString(original.resolve("manifest.json"), "{}");
        Path copy = Files.createDirectories(root.resolve("archive").resolve(done.value()));
        Files.writeString(copy.resolve("manifest.json"), "{}");
        Files.writeString(copy.resolve(BatchLayout.ARCHIVED), "{}");

        // when the step runs again
        archive(staging, new TwinsyncProperties.Archive(true, 30, 100)).archive(done);

        // then the original is gone and the batch is the archive's
        assertThat(original).doesNotExist();
        assertThat(staging.archivedBatches()).containsExactly(done);
    }

    private static BatchArchive archive(StagingStore staging, TwinsyncProperties.Archive settings) {
        return new BatchArchive(staging, settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
