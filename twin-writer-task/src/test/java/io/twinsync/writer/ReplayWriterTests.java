package io.twinsync.writer;

import static io.twinsync.writer.support.TestBatches.batch;
import static io.twinsync.writer.support.TestBatches.pump;
import static io.twinsync.writer.support.TestBatches.site;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.AdtEmulator;
import io.twinsync.emulator.EmulatorStats;
import io.twinsync.staging.Batch;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.writer.report.ItemAction;
import io.twinsync.writer.report.ItemResult;
import io.twinsync.writer.state.KnownStateStore;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay writes an older batch's twin files again ({@link WriterSettings#withReplayOf}): twins a newer batch applied
 * since are left alone, the others are applied; against the emulator.
 */
class ReplayWriterTests {

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
    void aReplayDoesNotRollBackATwinANewerBatchWroteAndAppliesOneThatFailed() {
        // given batch A: pump-1 at 1 rpm, and site-1 whose relationship to pump-9 fails (no such twin yet)
        TwinFile pumpInA = pump("pump-1", 1);
        TwinFile siteInA = site("site-1", "pump-9");
        Batch a = batch(store, pumpInA, siteInA);
        WriteReport first = writer(WriterSettings.defaults()).write(a, Partition.ALL);
        assertThat(first.failures()).extracting(ItemResult::errorCode).containsExactly("TargetTwinNotFound");
        // and batch B: pump-1 at 2 rpm
        writer(WriterSettings.defaults()).write(batch(store, pump("pump-1", 2)), Partition.ALL);
        // and pump-9 made since, by other means
        client.createOrReplaceDigitalTwin(
                "pump-9", StagingJson.mapper().valueToTree(pump("pump-9", 5).twin()), Object.class);
        EmulatorStats before = emulator.stats();

        // when A's files are written again as a replay of A
        Batch replay = batch(store, pumpInA, siteInA);
        WriteReport report =
                writer(WriterSettings.defaults().withReplayOf(a.id())).write(replay, Partition.ALL);

        // then pump-1 keeps B's value, skipped without a request and saying why, and site-1's relationship is made
        assertThat(report.exitCode()).isZero();
        assertThat(twin("pump-1").get("rpm").asDouble()).isEqualTo(2);
        assertThat(report.summary().twins()).isEqualTo(new OutcomeCounts(0, 0, 1, 0, 0, 1));
        assertThat(report.summary().relationships()).isEqualTo(new OutcomeCounts(1, 0, 0, 0, 0));
        EmulatorStats during = emulator.stats().since(before);
        assertThat(during.count("twins.patch"))
                .as("no request for the skipped twin")
                .isZero();
        assertThat(client.getRelationship("site-1", "site-1-contains-pump-9", String.class))
                .contains("pump-9");
        // and the twins applied are recorded as holding A's data, the skipped one as holding B's
        var known = new KnownStateStore(store.state(), "emulator").load();
        assertThat(known.get("site-1").orElseThrow().batchId()).isEqualTo(a.id().value());
        assertThat(known.get("pump-1").orElseThrow().batchId()).isNotEqualTo(a.id().value());
    }

    @Test
    void aSkippedTwinsResultLineAndItsRelationshipsSayWhy() throws IOException {
        // given a site written by A and again, changed, by B
        TwinFile siteInA = site("site-1", "pump-1");
        Batch a = batch(store, siteInA, pump("pump-1", 1));
        writer(WriterSettings.defaults()).write(a, Partition.ALL);
        writer(WriterSettings.defaults())
                .write(batch(store, site("site-2", "pump-1"), pump("pump-1", 3)), Partition.ALL);

        // when A is replayed
        Batch replay = batch(store, siteInA, pump("pump-1", 1));
        WriteReport report =
                writer(WriterSettings.defaults().withReplayOf(a.id())).write(replay, Partition.ALL);

        // then the pump (newer in B) is not written, and its line says why
        assertThat(report.summary().twins().skipped()).isEqualTo(1);
        assertThat(twin("pump-1").get("rpm").asDouble()).isEqualTo(3);
        JsonNode line = TwinWriterTests.results(replay).stream()
                .filter(r -> r.path("id").asText().equals("pump-1"))
                .findFirst()
                .orElseThrow();
        assertThat(line.path("action").asText()).isEqualTo(ItemAction.SKIPPED.jsonName());
        assertThat(line.path("errorCode").asText()).isEqualTo(WriterSettings.NEWER_STATE_APPLIED);
        assertThat(line.path("message").asText()).contains("newer than the replayed batch " + a.id());
    }

    private TwinWriter writer(WriterSettings settings) {
        return new TwinWriter(client, store, "emulator", settings);
    }

    private JsonNode twin(String id) {
        try {
            return StagingJson.mapper().readTree(client.getDigitalTwin(id, String.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
