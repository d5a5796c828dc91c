package io.twinsync.writer.drift;

import static io.twinsync.writer.support.TestBatches.batch;
import static io.twinsync.writer.support.TestBatches.pump;
import static io.twinsync.writer.support.TestBatches.site;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.models.JsonPatchDocument;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import io.twinsync.emulator.AdtEmulator;
import io.twinsync.emulator.EmulatorStats;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.writer.AdtClients;
import io.twinsync.writer.AdtTarget;
import io.twinsync.writer.Partition;
import io.twinsync.writer.TwinWriter;
import io.twinsync.writer.WriterSettings;
import io.twinsync.writer.state.KnownState;
import io.twinsync.writer.state.KnownStateStore;
import io.twinsync.writer.support.TestBatches;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drift check against the emulator: what changed in the graph behind the writer's back, found by query. */
class DriftCheckTests {

    private static final List<String> MODELS = List.of(TestBatches.SITE_MODEL, TestBatches.PUMP_MODEL);

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
        new TwinWriter(client, store, "emulator", WriterSettings.defaults())
                .write(
                        batch(store, site("site-1", "pump-1"), pump("pump-1", 1), pump("pump-2", 2), pump("pump-3", 3)),
                        Partition.ALL);
        new TwinWriter(client, store, "emulator", WriterSettings.defaults())
                .write(batch(store, TestBatches.tombstone("pump-3")), Partition.ALL);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void aGraphAsTheWriterLeftItHasNoDriftAndTheCheckReadsNoTwin() {
        // when
        EmulatorStats before = emulator.stats();
        DriftReport report = check();

        // then one query page per model, nothing else
        EmulatorStats during = emulator.stats().since(before);
        assertThat(report.clean()).isTrue();
        assertThat(report.twinsInGraph()).isEqualTo(3);
        assertThat(report.twinsKnown()).isEqualTo(3);
        assertThat(report.queryPages()).isEqualTo(2);
        assertThat(report.queryUnits()).isPositive();
        assertThat(during.operations()).containsOnlyKeys("query");
        assertThat(during.count("query")).isEqualTo(2);
    }

    @Test
    void changedRemovedReappearedAndUnknownTwinsAreEachNamed() {
        // given the graph changed by other means
        client.updateDigitalTwin("pump-1", new JsonPatchDocument().appendReplace("/rpm", 99));
        client.deleteRelationship("site-1", "site-1-contains-pump-1");
        client.deleteDigitalTwin("pump-2");
        client.createOrReplaceDigitalTwin("pump-3", pumpTwin("pump-3"), BasicDigitalTwin.class);
        client.createOrReplaceDigitalTwin("pump-9", pumpTwin("pump-9"), BasicDigitalTwin.class);

        // when
        DriftReport report = check();

        // then
        assertThat(report.clean()).isFalse();
        assertThat(report.changed()).containsExactly("pump-1");
        assertThat(report.removed()).containsExactly("pump-2");
        assertThat(report.reappeared()).containsExactly("pump-3");
        assertThat(report.unknown()).containsExactly("pump-9");
        assertThat(report.drifted()).isEqualTo(4);
    }

    @Test
    void twinsOfModelsNotCheckedAreLeftOut() {
        // given the site deleted by other means
        client.deleteRelationship("site-1", "site-1-contains-pump-1");
        client.deleteDigitalTwin("site-1");

        // when only pumps are checked
        DriftReport report = new DriftCheck(client, emulator.endpoint(), WriterSettings.defaults())
                .check(known(), List.of(TestBatches.PUMP_MODEL));

        // then the site's removal is not reported
        assertThat(report.clean()).isTrue();
    }

    private DriftReport check() {
        return new DriftCheck(client, emulator.endpoint(), WriterSettings.defaults()).check(known(), MODELS);
    }

    private KnownState known() {
        return new KnownStateStore(store.state(), "emulator").load();
    }

    private static BasicDigitalTwin pumpTwin(String id) {
        return new BasicDigitalTwin(id)
                .setMetadata(new BasicDigitalTwinMetadata().setModelId(TestBatches.PUMP_MODEL))
                .addToContents("rpm", 5.0);
    }
}
