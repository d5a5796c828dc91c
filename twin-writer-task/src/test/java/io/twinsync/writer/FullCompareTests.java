package io.twinsync.writer;

import static io.twinsync.writer.support.TestBatches.batch;
import static io.twinsync.writer.support.TestBatches.pump;
import static io.twinsync.writer.support.TestBatches.site;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.models.JsonPatchDocument;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import io.twinsync.emulator.AdtEmulator;
import io.twinsync.emulator.EmulatorStats;
import io.twinsync.staging.Batch;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.staging.scope.EntityScope;
import io.twinsync.staging.scope.GraphScope;
import io.twinsync.staging.scope.GraphScopes;
import io.twinsync.writer.support.TestBatches;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fullCompare}: the batch's twins and relationships compared with the graph as a query returns it, and the
 * graph repaired in both directions, whatever the known state says.
 */
class FullCompareTests {

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
    void changesMadeBehindTheWritersBackAreAllRepairedAndTheNextRunTrustsTheKnownStateAgain() {
        // given a site with two pumps written, then changed in ADT by other means: a pump deleted, the other's rpm
        // patched, the site's relationship to it deleted, and a stray pump added
        Batch batch = batch(store, site("site-1", "pump-1", "pump-2"), pump("pump-1", 1200), pump("pump-2", 900));
        write(batch, false);
        client.deleteRelationship("site-1", "site-1-contains-pump-1");
        client.deleteDigitalTwin("pump-1");
        client.updateDigitalTwin("pump-2", new JsonPatchDocument().appendReplace("/rpm", 1));
        client.deleteRelationship("site-1", "site-1-contains-pump-2");
        client.createOrReplaceDigitalTwin("pump-stray", strayPump(), BasicDigitalTwin.class);

        // when a normal write trusts the known state, and then a full compare runs
        WriteReport trusted = write(batch, false);
        WriteReport repaired = write(batch, true);

        // then the trusted write saw nothing, the full compare repaired everything, and the next write sends nothing
        assertThat(trusted.summary().twins()).isEqualTo(new OutcomeCounts(0, 0, 3, 0, 0));
        assertThat(repaired.summary().twins()).isEqualTo(new OutcomeCounts(1, 1, 1, 1, 0));
        assertThat(repaired.summary().relationships()).isEqualTo(new OutcomeCounts(2, 0, 0, 0, 0));
        assertThat(twinIds()).containsExactlyInAnyOrder("site-1", "pump-1", "pump-2");
        assertThat(client.getDigitalTwin("pump-2", BasicDigitalTwin.class)
                        .getContents()
                        .get("rpm"))
                .isEqualTo(900.0);
        assertThat(relationshipIds("site-1"))
                .containsExactlyInAnyOrder("site-1-contains-pump-1", "site-1-contains-pump-2");
        EmulatorStats before = emulator.stats();
        WriteReport after = write(batch, false);
        assertThat(after.summary().twins()).isEqualTo(new OutcomeCounts(0, 0, 3, 0, 0));
        assertThat(emulator.stats().since(before).operations()).containsOnlyKeys("models.list");
    }

    @Test
    void anExtraTwinIsDeletedWithItsIncomingRelationshipsButTwinsOfUnmappedModelsStay() {
        // given a site and two pumps written; the next batch's mapping has pumps only, and pump-2's row is gone
        write(batch(store, site("site-1", "pump-1", "pump-2"), pump("pump-1", 1200), pump("pump-2", 900)), false);

        // when a full compare of a batch of pump-1 only runs
        WriteReport report = write(batch(store, pump("pump-1", 1200)), true);

        // then pump-2 is gone with the site's relationship to it; the site, of a model the batch does not map, stays
        assertThat(twinIds()).containsExactlyInAnyOrder("site-1", "pump-1");
        assertThat(relationshipIds("site-1")).containsExactly("site-1-contains-pump-1");
        assertThat(report.summary().twins()).isEqualTo(new OutcomeCounts(0, 0, 1, 1, 0));
        assertThat(report.summary().relationships().deleted()).isEqualTo(1);
    }

    @Test
    void tooManyExtraTwinsAreAllKeptAndTheWriteSaysWhy() {
        // given four pumps written
        write(batch(store, pump("p1", 1), pump("p2", 2), pump("p3", 3), pump("p4", 4)), false);

        // when a full compare's batch has one of them only: 3 of 4 would go, more than half
        WriteReport report = write(batch(store, pump("p1", 1)), true);

        // then none is deleted and one failure names the model, the count and what to do
        assertThat(twinIds()).containsExactlyInAnyOrder("p1", "p2", "p3", "p4");
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.errorCode()).isEqualTo("TooManyExtraTwins");
            assertThat(failure.id()).isEqualTo(TestBatches.PUMP_MODEL);
            assertThat(failure.message()).contains("3 of the graph's 4 twins", "75.0 %", "missingLimit");
        });
        assertThat(report.exitCode()).isNotZero();
    }

    @Test
    void aTwinWhoseRowWasRejectedIsNotExtraAndRowsRejectedWithoutAnIdKeepEveryTwinOfTheModel() {
        // given three pumps written
        write(batch(store, pump("p1", 1), pump("p2", 2), pump("p3", 3)), false);

        // when a full compare's batch has p1, p2's row was rejected and p3's gone
        Batch rejectedKnown = batch(store, pump("p1", 1));
        GraphScopes.write(rejectedKnown, scope(List.of("p2"), 0));
        write(rejectedKnown, true);

        // then p2 stays and p3 goes
        assertThat(twinIds()).containsExactlyInAnyOrder("p1", "p2");

        // and when a row was rejected before its id was known, nothing of the model goes
        Batch rejectedUnknown = batch(store, pump("p1", 1));
        GraphScopes.write(rejectedUnknown, scope(List.of(), 1));
        write(rejectedUnknown, true);
        assertThat(twinIds()).containsExactlyInAnyOrder("p1", "p2");
    }

    @Test
    void aPartitionDeletesOnlyTheExtraTwinsThatFallInIt() {
        // given twenty pumps written, then a full compare of a batch holding none of p10..p19, in two partitions
        List<io.twinsync.staging.twin.TwinFile> all = new java.util.ArrayList<>();
        List<io.twinsync.staging.twin.TwinFile> kept = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(pump("p" + i, i));
            if (i < 10) {
                kept.add(pump("p" + i, i));
            }
        }
        write(batch(store, all.toArray(io.twinsync.staging.twin.TwinFile[]::new)), false);
        Batch next = batch(store, kept.toArray(io.twinsync.staging.twin.TwinFile[]::new));
        TwinWriter fullCompare = new TwinWriter(
                client, store, "emulator", WriterSettings.defaults().withFullCompare(true));

        // when the first partition is written
        WriteReport first = fullCompare.write(next, new Partition(1, 2));

        // then it deleted only the extra twins of its own, and the second deletes the rest
        long firstDeleted = first.summary().twins().deleted();
        assertThat(twinIds()).hasSize(20 - (int) firstDeleted);
        WriteReport second = fullCompare.write(next, new Partition(2, 2));
        assertThat(firstDeleted + second.summary().twins().deleted()).isEqualTo(10);
        assertThat(twinIds()).hasSize(10).allMatch(id -> Integer.parseInt(id.substring(1)) < 10);
    }

    private static GraphScope scope(List<String> rejectedIds, long rejectedWithoutId) {
        return new GraphScope(List.of(new EntityScope(
                "Pump", TestBatches.PUMP_MODEL, List.of(), List.of(), 0.5, rejectedIds, rejectedWithoutId, false)));
    }

    private WriteReport write(Batch batch, boolean fullCompare) {
        return new TwinWriter(
                        client, store, "emulator", WriterSettings.defaults().withFullCompare(fullCompare))
                .write(batch, Partition.ALL);
    }

    private Set<String> twinIds() {
        return client.query("SELECT * FROM DIGITALTWINS", BasicDigitalTwin.class).stream()
                .map(BasicDigitalTwin::getId)
                .collect(Collectors.toSet());
    }

    private List<String> relationshipIds(String twinId) {
        return client.listRelationships(twinId, BasicRelationship.class).stream()
                .map(BasicRelationship::getId)
                .toList();
    }

    private static BasicDigitalTwin strayPump() {
        return new BasicDigitalTwin("pump-stray")
                .setMetadata(
                        new com.azure.digitaltwins.core.BasicDigitalTwinMetadata().setModelId(TestBatches.PUMP_MODEL))
                .addToContents("rpm", 5.0);
    }
}
