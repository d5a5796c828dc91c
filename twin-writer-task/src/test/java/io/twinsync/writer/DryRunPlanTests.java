package io.twinsync.writer;

import static io.twinsync.writer.support.TestBatches.batch;
import static io.twinsync.writer.support.TestBatches.pump;
import static io.twinsync.writer.support.TestBatches.site;
import static io.twinsync.writer.support.TestBatches.tombstone;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.AdtEmulator;
import io.twinsync.emulator.EmulatorStats;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.writer.dryrun.PlannedChange;
import io.twinsync.writer.dryrun.PlannedChange.Action;
import io.twinsync.writer.dryrun.PropertyChange;
import io.twinsync.writer.dryrun.WritePlan;
import io.twinsync.writer.state.KnownStateStore;
import io.twinsync.writer.support.TestBatches;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TwinWriter#plan}: the write a batch would make, found by the writer's own code, with nothing written. */
class DryRunPlanTests {

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
    void aFirstLoadIsPlannedAsModelsTwinsAndRelationshipsToCreateAndNothingIsWritten() {
        // given a batch of new twins and an empty graph
        Batch batch = batch(store, site("site-1", "pump-1", "pump-2"), pump("pump-1", 1200), pump("pump-2", 900));

        // when it is planned
        WritePlan plan = writer().plan(batch);

        // then the plan creates everything, with each twin's values, entity and model
        assertThat(plan.models()).hasSize(2);
        assertThat(plan.twins()).extracting(PlannedChange::action).containsOnly(Action.CREATE);
        assertThat(plan.twins()).extracting(PlannedChange::twinId).containsExactly("pump-1", "pump-2", "site-1");
        PlannedChange pump = plan.twins().get(0);
        assertThat(pump.entity()).isEqualTo("Pump");
        assertThat(pump.model()).isEqualTo(TestBatches.PUMP_MODEL);
        assertThat(pump.changes()).extracting(PropertyChange::path).containsExactly("/name", "/rpm");
        assertThat(pump.changes().get(1).before()).isNull();
        assertThat(pump.changes().get(1).after().asDouble()).isEqualTo(1200);
        assertThat(plan.relationships())
                .extracting(PlannedChange::relationshipId)
                .containsExactly("site-1-contains-pump-1", "site-1-contains-pump-2");
        assertThat(plan.relationships().get(0).targetId()).isEqualTo("pump-1");
        assertThat(plan.twinCounts()).isEqualTo(new OutcomeCounts(3, 0, 0, 0, 0));
        assertThat(plan.relationshipCounts()).isEqualTo(new OutcomeCounts(2, 0, 0, 0, 0));
        assertThat(plan.entities().get("Site").relationships().created()).isEqualTo(2);
        assertThat(plan.changes()).isTrue();

        // and nothing was written, recorded or left in the batch: the write that follows creates all of it
        EmulatorStats stats = emulator.stats();
        assertThat(plan.reads())
                .as("the model listing and one query that finds the graph empty")
                .isEqualTo(2);
        assertThat(stats.count("twins.get")).isZero();
        assertThat(stats.twinWrites()).isZero();
        assertThat(stats.relationshipWrites()).isZero();
        assertThat(stats.count("models.post")).isZero();
        assertThat(new KnownStateStore(store.state(), "emulator").load().size()).isZero();
        assertThat(batch.list(BatchLayout.RESULTS)).isEmpty();
        WriteReport written = writer().write(batch, Partition.ALL);
        assertThat(written.summary().twins()).isEqualTo(plan.twinCounts());
        assertThat(written.summary().relationships()).isEqualTo(plan.relationshipCounts());
    }

    @Test
    void aChangedTwinIsPlannedAsAPatchWithItsOldAndNewValueWithoutReadingIt() {
        // given two twins this writer applied
        writer().write(batch(store, pump("pump-1", 1200), pump("pump-2", 900)), Partition.ALL);
        EmulatorStats before = emulator.stats();

        // when a batch that changes one of them is planned
        Batch changed = batch(store, pump("pump-1", 1500), pump("pump-2", 900));
        WritePlan plan = writer().plan(changed);

        // then the plan patches that one property, old value from the file applied last, and reads nothing
        assertThat(plan.twins()).hasSize(1);
        PlannedChange patch = plan.twins().get(0);
        assertThat(patch.action()).isEqualTo(Action.PATCH);
        assertThat(patch.twinId()).isEqualTo("pump-1");
        assertThat(patch.changes()).hasSize(1);
        assertThat(patch.changes().get(0).path()).isEqualTo("/rpm");
        assertThat(patch.changes().get(0).before().asDouble()).isEqualTo(1200);
        assertThat(patch.changes().get(0).after().asDouble()).isEqualTo(1500);
        assertThat(plan.twinCounts()).isEqualTo(new OutcomeCounts(0, 1, 1, 0, 0));
        EmulatorStats during = emulator.stats().since(before);
        assertThat(during.count("twins.get")).isZero();
        assertThat(during.twinWrites()).isZero();
        assertThat(plan.reads()).isEqualTo(during.total());

        // and the write that follows does exactly that
        WriteReport written = writer().write(changed, Partition.ALL);
        assertThat(written.summary().twins()).isEqualTo(plan.twinCounts());
        assertThat(emulator.stats().since(before).count("twins.patch")).isEqualTo(1);
    }

    @Test
    void aTwinSomeoneElseCreatedIsPlannedAsAPatchAgainstWhatADTHolds() {
        // given the models (uploaded by another twinsync's write, so this one has no sync state) and a twin made
        // outside twinsync, with another rpm
        LocalStagingStore other = new LocalStagingStore(root.resolve("other"));
        new TwinWriter(client, other, "emulator", WriterSettings.defaults())
                .write(batch(other, pump("pump-0", 1)), Partition.ALL);
        ObjectNode existing = pump("pump-1", 10).twin().deepCopy();
        client.createOrReplaceDigitalTwin(
                "pump-1", StagingJson.mapper().convertValue(existing, Object.class), Object.class);

        EmulatorStats before = emulator.stats();

        // when a batch with that twin is planned
        WritePlan plan = writer().plan(batch(store, pump("pump-1", 1200)));

        // then it is a patch of rpm from ADT's value, found by one read (after the query that finds a twin)
        assertThat(plan.twins()).hasSize(1);
        PlannedChange patch = plan.twins().get(0);
        assertThat(patch.action()).isEqualTo(Action.PATCH);
        assertThat(patch.changes().get(0).before().asDouble()).isEqualTo(10);
        assertThat(patch.changes().get(0).after().asDouble()).isEqualTo(1200);
        EmulatorStats during = emulator.stats().since(before);
        assertThat(during.count("twins.get")).isEqualTo(1);
        assertThat(during.twinWrites()).isZero();
    }

    @Test
    void aDeletedRowIsPlannedAsTheTwinAndItsRelationshipsToDelete() {
        // given a site containing two pumps, written
        writer().write(
                        batch(store, site("site-1", "pump-1", "pump-2"), pump("pump-1", 1200), pump("pump-2", 900)),
                        Partition.ALL);
        EmulatorStats before = emulator.stats();

        // when a batch whose pump-1 row was deleted is planned
        WritePlan plan = writer().plan(batch(store, tombstone("pump-1")));

        // then the twin is deleted, and first the relationship that points at it
        assertThat(plan.twins())
                .extracting(PlannedChange::action, PlannedChange::twinId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Action.DELETE, "pump-1"));
        assertThat(plan.relationships())
                .extracting(PlannedChange::action, PlannedChange::relationshipId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Action.DELETE, "site-1-contains-pump-1"));
        assertThat(plan.twinCounts().deleted()).isEqualTo(1);
        EmulatorStats during = emulator.stats().since(before);
        assertThat(during.count("twins.delete")).isZero();
        assertThat(during.count("relationships.delete")).isZero();
        assertThat(client.getDigitalTwin("pump-1", String.class)).contains("pump-1");
    }

    @Test
    void aBatchThatChangesNothingHasAnEmptyPlan() {
        // given a batch written
        Batch batch = batch(store, site("site-1", "pump-1"), pump("pump-1", 1200));
        writer().write(batch, Partition.ALL);

        // when the same content is planned again
        WritePlan plan = writer().plan(batch(store, site("site-1", "pump-1"), pump("pump-1", 1200)));

        // then there is nothing to write, and saying so cost only the model listing
        assertThat(plan.changes()).isFalse();
        assertThat(plan.twinCounts()).isEqualTo(new OutcomeCounts(0, 0, 2, 0, 0));
        assertThat(plan.relationshipCounts()).isEqualTo(new OutcomeCounts(0, 0, 1, 0, 0));
        assertThat(plan.reads()).isEqualTo(1);
    }

    private TwinWriter writer() {
        return new TwinWriter(client, store, "emulator", WriterSettings.defaults());
    }
}
