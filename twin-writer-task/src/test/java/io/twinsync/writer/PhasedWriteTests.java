package io.twinsync.writer;

import static io.twinsync.writer.support.TestBatches.batch;
import static io.twinsync.writer.support.TestBatches.pump;
import static io.twinsync.writer.support.TestBatches.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.digitaltwins.core.DigitalTwinsClient;
import io.twinsync.emulator.AdtEmulator;
import io.twinsync.emulator.EmulatorStats;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.staging.manifest.WriteSummary;
import io.twinsync.staging.twin.TwinFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write in two phases, as partitions that run at the same time do it: every partition's twins, then every
 * partition's relationships, handed from one phase to the other through the batch.
 */
class PhasedWriteTests {

    private static final int PUMPS = 12;

    @TempDir
    Path root;

    private AdtEmulator emulator;
    private DigitalTwinsClient client;
    private LocalStagingStore store;

    @BeforeEach
    void startEmulator() {
        emulator = AdtEmulator.builder().port(0).start();
        client = AdtClients.create(
                AdtTarget.emulator(emulator.endpoint(), emulator.certificate()), WriterSettings.defaults());
        store = new LocalStagingStore(root);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void relationshipsToTwinsOfOtherPartitionsAreAllWrittenOnceEveryPartitionWroteItsTwins() throws Exception {
        // given a site whose relationships point at pumps, some of them in the other partition
        Batch batch = batch(store, twins(site("site-1", pumpIds())));
        assertThat(otherPartitionsPumps(2))
                .as("the test needs a relationship across partitions")
                .isPositive();

        // when both partitions write their twins at the same time, then both their relationships
        WriteSummary twins = writeAtOnce(batch, 2, WritePhase.TWINS);
        WriteSummary relationships = writeAtOnce(batch, 2, WritePhase.RELATIONSHIPS);

        // then every twin and every relationship is created once, none failed
        assertThat(twins.twins()).isEqualTo(new OutcomeCounts(PUMPS + 1, 0, 0, 0, 0));
        assertThat(twins.relationships()).isEqualTo(new OutcomeCounts(0, 0, 0, 0, 0));
        assertThat(relationships.relationships()).isEqualTo(new OutcomeCounts(PUMPS, 0, 0, 0, 0));
        assertThat(emulator.stats().count("relationships.put")).isEqualTo(PUMPS);
        assertThat(batch.list(BatchLayout.RESULTS))
                .contains(
                        "results/part-1-of-2.twins.ndjson",
                        "results/part-2-of-2.twins.ndjson",
                        "results/part-1-of-2.relationships.ndjson",
                        "results/part-2-of-2.relationships.ndjson");
        assertThat(batch.list(BatchLayout.HANDOFF))
                .containsExactlyInAnyOrder("handoff/part-1-of-2.ndjson", "handoff/part-2-of-2.ndjson");
    }

    @Test
    void theRelationshipPhaseRecordsTheKnownStateSoTheNextBatchOfTheSameRowsSendsNothing() throws Exception {
        // given a batch written in two phases
        Batch first = batch(store, twins(site("site-1", pumpIds())));
        writeAtOnce(first, 2, WritePhase.TWINS);
        writeAtOnce(first, 2, WritePhase.RELATIONSHIPS);
        EmulatorStats before = emulator.stats();

        // when the next batch holds the same twins
        Batch next = batch(store, twins(site("site-1", pumpIds())));
        WriteSummary twins = writeAtOnce(next, 2, WritePhase.TWINS);
        WriteSummary relationships = writeAtOnce(next, 2, WritePhase.RELATIONSHIPS);

        // then nothing but the model listing is sent
        assertThat(emulator.stats().since(before).operations()).containsOnlyKeys("models.list");
        assertThat(twins.twins().unchanged()).isEqualTo(PUMPS + 1);
        assertThat(relationships.relationships().unchanged()).isEqualTo(PUMPS);
    }

    @Test
    void aTwinPlannedFromItsLastAppliedFileHasItsRelationshipsPlannedFromItTooAcrossThePhases() throws Exception {
        // given the site and its pumps written in two phases
        Batch first = batch(store, twins(site("site-1", pumpIds())));
        writeAtOnce(first, 2, WritePhase.TWINS);
        writeAtOnce(first, 2, WritePhase.RELATIONSHIPS);
        EmulatorStats before = emulator.stats();

        // when only the site's name changes
        TwinFile site = site("site-1", pumpIds());
        TwinFile renamed = TwinFile.of(
                "Site",
                site.sourceKey(),
                false,
                site.twin().deepCopy().put("name", "Renamed"),
                site.relationships(),
                List.of());
        Batch next = batch(store, twins(renamed));
        writeAtOnce(next, 2, WritePhase.TWINS);
        WriteSummary relationships = writeAtOnce(next, 2, WritePhase.RELATIONSHIPS);

        // then the site costs one patch, and its unchanged relationships nothing: the relationship phase, in another
        // call, planned them from the file the twin phase planned from, without listing or reading them
        EmulatorStats during = emulator.stats().since(before);
        assertThat(during.count("twins.patch")).isEqualTo(1);
        assertThat(during.operations()).containsOnlyKeys("models.list", "twins.patch");
        assertThat(relationships.relationships().unchanged()).isEqualTo(PUMPS);
    }

    @Test
    void aRelationshipPhaseRunAgainChangesNothingAndFailsNothing() throws Exception {
        // given a batch whose relationship phase completed (as when a process is killed after it saved its state)
        Batch batch = batch(store, twins(site("site-1", pumpIds())));
        writeAtOnce(batch, 2, WritePhase.TWINS);
        writeAtOnce(batch, 2, WritePhase.RELATIONSHIPS);

        // when it runs again
        WriteSummary again = writeAtOnce(batch, 2, WritePhase.RELATIONSHIPS);

        // then every relationship is found as it should be, once
        assertThat(again.relationships()).isEqualTo(new OutcomeCounts(0, 0, PUMPS, 0, 0));
        assertThat(client.listRelationships("site-1", String.class).stream().count())
                .isEqualTo(PUMPS);
    }

    @Test
    void aRelationshipPhaseBeforeEveryPartitionsTwinPhaseIsRefusedNamingThePartitionsItWaitsFor() {
        // given a batch whose partitions have not written their twins
        Batch batch = batch(store, twins(site("site-1", pumpIds())));

        // then the first partition's relationship phase is refused, naming both partitions
        assertThatThrownBy(() -> relationshipPhase(batch))
                .isInstanceOf(TwinWriteException.class)
                .hasMessageContaining("have not finished (1/2, 2/2)")
                .hasMessageContaining("Run the twin phase");

        // when the first partition wrote its twins / then it is still refused, naming the second: relationships to
        // its pumps would fail
        writer().write(batch, new Partition(1, 2), SharedWrite.of(WriterSettings.defaults()), WritePhase.TWINS);
        assertThat(emulator.stats().count("twins.put")).isPositive();
        assertThatThrownBy(() -> relationshipPhase(batch))
                .isInstanceOf(TwinWriteException.class)
                .hasMessageContaining("must wait for the twin phase of every partition, and 1 has not finished (2/2)");
        assertThat(emulator.stats().count("relationships.put")).isZero();
    }

    private WriteReport relationshipPhase(Batch batch) {
        return writer().write(
                        batch,
                        new Partition(1, 2),
                        SharedWrite.of(WriterSettings.defaults()),
                        WritePhase.RELATIONSHIPS);
    }

    /** Writes one phase of every partition, each on its own thread, sharing one rate budget; returns the sum. */
    private WriteSummary writeAtOnce(Batch batch, int count, WritePhase phase) throws Exception {
        SharedWrite shared = SharedWrite.of(WriterSettings.defaults());
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<WriteReport>> reports = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                Partition partition = new Partition(i, count);
                reports.add(threads.submit(() -> writer().write(batch, partition, shared, phase)));
            }
            WriteSummary total = null;
            for (Future<WriteReport> report : reports) {
                WriteSummary summary = report.get().summary();
                total = total == null ? summary : total.plus(summary);
            }
            return total;
        } finally {
            threads.shutdownNow();
        }
    }

    private TwinWriter writer() {
        return new TwinWriter(client, store, "emulator", WriterSettings.defaults());
    }

    private static String[] pumpIds() {
        String[] ids = new String[PUMPS];
        for (int i = 0; i < PUMPS; i++) {
            ids[i] = "pump-" + i;
        }
        return ids;
    }

    /** The site and its pumps. */
    private static TwinFile[] twins(TwinFile site) {
        TwinFile[] twins = new TwinFile[PUMPS + 1];
        twins[0] = site;
        for (int i = 0; i < PUMPS; i++) {
            twins[i + 1] = pump("pump-" + i, 1000 + i);
        }
        return twins;
    }

    /** How many pumps are not in the site's partition of {@code count}. */
    private static long otherPartitionsPumps(int count) {
        Partition siteIn = null;
        for (int i = 1; i <= count; i++) {
            if (new Partition(i, count).contains(BatchLayout.twinFile("site-1"))) {
                siteIn = new Partition(i, count);
            }
        }
        Partition site = siteIn;
        return Arrays.stream(pumpIds())
                .filter(id -> !site.contains(BatchLayout.twinFile(id)))
                .count();
    }
}
