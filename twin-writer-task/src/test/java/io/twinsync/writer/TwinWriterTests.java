package io.twinsync.writer;

import static io.twinsync.writer.support.TestBatches.batch;
import static io.twinsync.writer.support.TestBatches.pump;
import static io.twinsync.writer.support.TestBatches.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.models.JsonPatchDocument;
import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.DigitalTwinsAsyncClient;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.AdtEmulator;
import io.twinsync.emulator.EmulatorStats;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StateLock;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.writer.client.TrustedCertificates;
import io.twinsync.writer.report.ItemKind;
import io.twinsync.writer.state.KnownStateStore;
import io.twinsync.writer.support.TestBatches;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/** The writer against the real SDK and the ADT emulator. */
class TwinWriterTests {

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
    void firstWriteCreatesModelsTwinsAndRelationships() {
        // given
        Batch batch = batch(store, site("site-1", "pump-1", "pump-2"), pump("pump-1", 1200), pump("pump-2", 900));

        // when
        WriteReport report = writer(WriterSettings.defaults()).write(batch, Partition.ALL);

        // then
        assertThat(report.exitCode()).isZero();
        assertThat(report.summary().twins()).isEqualTo(new OutcomeCounts(3, 0, 0, 0, 0));
        assertThat(report.summary().relationships()).isEqualTo(new OutcomeCounts(2, 0, 0, 0, 0));
        EmulatorStats stats = emulator.stats();
        assertThat(stats.count("models.post")).isEqualTo(1);
        assertThat(stats.count("twins.put")).isEqualTo(3);
        assertThat(stats.count("relationships.put")).isEqualTo(2);
        assertThat(twin("pump-1").get("rpm").asDouble()).isEqualTo(1200);
        assertThat(results(batch)).hasSize(5);
    }

    @Test
    void secondWriteOfTheSameBatchSendsNoTwinOrRelationshipRequests() {
        // given
        Batch batch = batch(store, site("site-1", "pump-1"), pump("pump-1", 1200));
        writer(WriterSettings.defaults()).write(batch, Partition.ALL);
        EmulatorStats before = emulator.stats();

        // when
        WriteReport report = writer(WriterSettings.defaults()).write(batch, Partition.ALL);

        // then
        EmulatorStats during = emulator.stats().since(before);
        assertThat(during.operations()).containsOnlyKeys("models.list");
        assertThat(report.summary().twins()).isEqualTo(new OutcomeCounts(0, 0, 2, 0, 0));
        assertThat(report.summary().relationships()).isEqualTo(new OutcomeCounts(0, 0, 1, 0, 0));
        assertThat(report.summary().requests()).isEqualTo(during.total());
    }

    @Test
    void aChangedTwinIsPatchedWithOneRequestWithoutReadingItFirst() {
        // given two twins this writer applied before
        writer(WriterSettings.defaults()).write(batch(store, pump("pump-1", 1200), pump("pump-2", 900)), Partition.ALL);
        EmulatorStats before = emulator.stats();

        // when one of them changes
        WriteReport report = writer(WriterSettings.defaults())
                .write(batch(store, pump("pump-1", 1500), pump("pump-2", 900)), Partition.ALL);

        // then it costs one PATCH, planned from the file applied last time and sent with its ETag, and no read
        EmulatorStats during = emulator.stats().since(before);
        assertThat(during.count("twins.patch")).isEqualTo(1);
        assertThat(during.count("twins.get")).isZero();
        assertThat(during.twinWrites()).isEqualTo(1);
        assertThat(report.summary().twins()).isEqualTo(new OutcomeCounts(0, 1, 1, 0, 0));
        assertThat(twin("pump-1").get("rpm").asDouble()).isEqualTo(1500);
    }

    @Test
    void aFirstLoadCreatesEachTwinAndRelationshipWithOneRequestAndNoReads() {
        // given a batch of new twins and relationships (the site owning its contains relationships), no known state
        Batch batch = batch(
                store,
                TestBatches.siteOwningContains("site-1", "pump-1", "pump-2"),
                pump("pump-1", 1200),
                pump("pump-2", 900));

        // when it is written
        writer(WriterSettings.defaults()).write(batch, Partition.ALL);

        // then each twin and relationship cost one PUT, and nothing was read first
        EmulatorStats stats = emulator.stats();
        assertThat(stats.count("twins.put")).isEqualTo(3);
        assertThat(stats.count("relationships.put")).isEqualTo(2);
        assertThat(stats.count("twins.get") + stats.count("relationships.get") + stats.count("relationships.list"))
                .isZero();
    }

    @Test
    void aTwinThatExistsWithoutARecordIsReadAfterItsCreateIsRefusedAndPatched() {
        // given a twin made in ADT by someone else, which this writer has no record of
        writer(WriterSettings.defaults()).write(batch(store, pump("pump-0", 1)), Partition.ALL); // uploads the model
        client.createOrReplaceDigitalTwin(
                "pump-1", StagingJson.mapper().valueToTree(pump("pump-1", 800).twin()), Object.class);

        // when its file is written
        WriteReport report = writer(WriterSettings.defaults()).write(batch(store, pump("pump-1", 1200)), Partition.ALL);

        // then the create met a 412, and the twin was read and patched instead of failing
        assertThat(report.summary().twins()).isEqualTo(new OutcomeCounts(0, 1, 0, 0, 0));
        assertThat(emulator.stats().countStatus(412)).isEqualTo(1);
        assertThat(twin("pump-1").get("rpm").asDouble()).isEqualTo(1200);
    }

    @Test
    void aTwinSomeoneElseChangedSinceIsReadAndPlannedAgainNotOverwritten() {
        // given a twin this writer applied, which someone else then changed in ADT
        writer(WriterSettings.defaults()).write(batch(store, pump("pump-1", 1200)), Partition.ALL);
        client.updateDigitalTwin(
                "pump-1",
                new JsonPatchDocument().appendAdd("/name", "Renamed in ADT").appendAdd("/rpm", 1300));

        // when its file changes
        WriteReport report = writer(WriterSettings.defaults()).write(batch(store, pump("pump-1", 1500)), Partition.ALL);

        // then the blind patch met a 412, the writer read the twin and patched what still differed
        assertThat(report.summary().twins()).isEqualTo(new OutcomeCounts(0, 1, 0, 0, 0));
        assertThat(emulator.stats().countStatus(412)).isEqualTo(1);
        assertThat(twin("pump-1").get("rpm").asDouble()).isEqualTo(1500);
        assertThat(twin("pump-1").get("name").asText()).isEqualTo("Pump pump-1");
    }

    @Test
    void whenTheBatchLastAppliedIsGoneTheTwinIsReadAsBefore() {
        // given a twin applied from a batch that retention has since removed
        Batch first = batch(store, pump("pump-1", 1200));
        writer(WriterSettings.defaults()).write(first, Partition.ALL);
        deleteTree(root.resolve("batches").resolve(first.id().value()));
        EmulatorStats before = emulator.stats();

        // when its file changes
        WriteReport report = writer(WriterSettings.defaults()).write(batch(store, pump("pump-1", 1500)), Partition.ALL);

        // then it is read and patched: two requests, and the right value
        EmulatorStats during = emulator.stats().since(before);
        assertThat(report.summary().twins()).isEqualTo(new OutcomeCounts(0, 1, 0, 0, 0));
        assertThat(during.count("twins.get")).isEqualTo(1);
        assertThat(during.count("twins.patch")).isEqualTo(1);
        assertThat(twin("pump-1").get("rpm").asDouble()).isEqualTo(1500);
    }

    @Test
    void aTwinLastAppliedFromAnArchivedBatchIsStillPatchedWithoutARead() {
        // given a twin applied from a batch that has since moved to the archive
        Batch first = batch(store, pump("pump-1", 1200));
        writer(WriterSettings.defaults()).write(first, Partition.ALL);
        store.archiveBatch(first.id());
        EmulatorStats before = emulator.stats();

        // when its file changes
        writer(WriterSettings.defaults()).write(batch(store, pump("pump-1", 1500)), Partition.ALL);

        // then the patch is planned from the archived file: one request, no read
        EmulatorStats during = emulator.stats().since(before);
        assertThat(during.count("twins.get")).isZero();
        assertThat(during.count("twins.patch")).isEqualTo(1);
        assertThat(twin("pump-1").get("rpm").asDouble()).isEqualTo(1500);
    }

    @Test
    void anUnchangedTwinPointsAtTheNewestBatchSoRemovingOldBatchesCostsNoRead() {
        // given a twin applied by a first batch and found unchanged by a second, after which the first is removed
        Batch first = batch(store, pump("pump-1", 1200));
        writer(WriterSettings.defaults()).write(first, Partition.ALL);
        writer(WriterSettings.defaults()).write(batch(store, pump("pump-1", 1200)), Partition.ALL);
        deleteTree(root.resolve("batches").resolve(first.id().value()));
        EmulatorStats before = emulator.stats();

        // when the twin changes
        writer(WriterSettings.defaults()).write(batch(store, pump("pump-1", 1500)), Partition.ALL);

        // then it is patched from the second batch's file, without a read
        EmulatorStats during = emulator.stats().since(before);
        assertThat(during.count("twins.get")).isZero();
        assertThat(during.count("twins.patch")).isEqualTo(1);
        assertThat(twin("pump-1").get("rpm").asDouble()).isEqualTo(1500);
    }

    @Test
    void aNewRelationshipOfAKnownTwinIsCreatedWithoutReadsAndItsOldOnesCostNothing() {
        // given a site with one pump, applied before
        writer(WriterSettings.defaults())
                .write(
                        batch(store, site("site-1", "pump-1"), pump("pump-1", 1200), pump("pump-2", 900)),
                        Partition.ALL);
        EmulatorStats before = emulator.stats();

        // when the site gets a second pump
        WriteReport report = writer(WriterSettings.defaults())
                .write(
                        batch(store, site("site-1", "pump-1", "pump-2"), pump("pump-1", 1200), pump("pump-2", 900)),
                        Partition.ALL);

        // then one PUT creates the new relationship; the site and its old relationship need no request at all
        EmulatorStats during = emulator.stats().since(before);
        assertThat(report.summary().relationships()).isEqualTo(new OutcomeCounts(1, 0, 1, 0, 0));
        assertThat(during.count("relationships.put")).isEqualTo(1);
        assertThat(during.count("relationships.get") + during.count("twins.get") + during.count("twins.patch"))
                .isZero();
    }

    @Test
    void aRemovalOfAPropertyTheLastFileSaidNothingAboutIsDecidedByReadingTheTwin() {
        // given a pump whose site someone else set in ADT, and a later write of the pump's file, which has no site
        writer(WriterSettings.defaults()).write(batch(store, pump("pump-1", 1200)), Partition.ALL);
        client.updateDigitalTwin("pump-1", new JsonPatchDocument().appendAdd("/site", "South"));
        writer(WriterSettings.defaults()).write(batch(store, pump("pump-1", 1300)), Partition.ALL);
        EmulatorStats before = emulator.stats();

        // when the file now says the site is to be removed
        writer(WriterSettings.defaults()).write(batch(store, TestBatches.pumpWithout("pump-1", "site")), Partition.ALL);

        // then the writer could not know from its last file that the site is there: it read the twin and removed it
        assertThat(emulator.stats().since(before).count("twins.get")).isEqualTo(1);
        assertThat(twin("pump-1").has("site")).isFalse();
    }

    @Test
    void relationshipsTheSourceNoLongerHasAreRemovedWhenTheFileOwnsTheirName() {
        // given a site whose contains relationships the mapping owns (stale: remove), applied with two pumps
        writer(WriterSettings.defaults())
                .write(
                        batch(
                                store,
                                TestBatches.siteOwningContains("site-1", "pump-1", "pump-2"),
                                pump("pump-1", 1),
                                pump("pump-2", 2)),
                        Partition.ALL);
        EmulatorStats before = emulator.stats();

        // when the source now gives the site only the second pump
        WriteReport report = writer(WriterSettings.defaults())
                .write(
                        batch(
                                store,
                                TestBatches.siteOwningContains("site-1", "pump-2"),
                                pump("pump-1", 1),
                                pump("pump-2", 2)),
                        Partition.ALL);

        // then the first relationship is deleted, found from the file applied last time (no listing), and counted
        // (the second moved from position 2 to 1, so it is patched)
        EmulatorStats during = emulator.stats().since(before);
        assertThat(report.summary().relationships()).isEqualTo(new OutcomeCounts(0, 1, 0, 1, 0));
        assertThat(during.count("relationships.delete")).isEqualTo(1);
        assertThat(during.count("relationships.list")).isZero();
        assertThat(relationshipIds("site-1")).containsExactly("site-1-contains-pump-2");
    }

    @Test
    void aFullCompareFindsStaleRelationshipsOfAnOwnedNameInTheQueriedGraphWithoutListing() {
        // given a site with a contains relationship someone else made, and no known state (a full compare)
        writer(WriterSettings.defaults())
                .write(batch(store, site("site-1", "pump-1"), pump("pump-1", 1), pump("pump-2", 2)), Partition.ALL);
        client.createOrReplaceRelationship(
                "site-1",
                "made-by-hand",
                new BasicRelationship("made-by-hand", "site-1", "pump-2", "contains"),
                BasicRelationship.class);

        // when the site's file, owning contains, is applied comparing everything with ADT
        EmulatorStats before = emulator.stats();
        WriteReport report = writer(WriterSettings.defaults().withFullCompare(true))
                .write(
                        batch(
                                store,
                                TestBatches.siteOwningContains("site-1", "pump-1"),
                                pump("pump-1", 1),
                                pump("pump-2", 2)),
                        Partition.ALL);

        // then the relationship the source does not give is found in the queried graph and removed, with no listing
        EmulatorStats during = emulator.stats().since(before);
        assertThat(report.summary().relationships().deleted()).isEqualTo(1);
        assertThat(relationshipIds("site-1")).containsExactly("site-1-contains-pump-1");
        assertThat(during.count("relationships.list")).isZero();
        assertThat(during.count("query")).isEqualTo(3); // the twins of Site, of Pump, the contains relationships
    }

    @Test
    void turningStaleRemoveOnRemovesRelationshipsTheSourceDroppedWhileItWasOff() {
        // given a site that had pump-0 and pump-1, then only pump-1, while its contains relationships were not owned
        writer(WriterSettings.defaults())
                .write(
                        batch(store, site("site-1", "pump-0", "pump-1"), pump("pump-0", 0), pump("pump-1", 1)),
                        Partition.ALL);
        writer(WriterSettings.defaults())
                .write(batch(store, site("site-1", "pump-1"), pump("pump-0", 0), pump("pump-1", 1)), Partition.ALL);

        // when the mapping now owns contains (stale: remove)
        WriteReport report = writer(WriterSettings.defaults())
                .write(
                        batch(
                                store,
                                TestBatches.siteOwningContains("site-1", "pump-1"),
                                pump("pump-0", 0),
                                pump("pump-1", 1)),
                        Partition.ALL);

        // then the relationship dropped back then, which the last file never listed, is found and removed
        assertThat(report.summary().relationships().deleted()).isEqualTo(1);
        assertThat(relationshipIds("site-1")).containsExactly("site-1-contains-pump-1");
    }

    @Test
    void anUnchangedRelationshipToATwinThisRunCreatedAgainIsCreatedAgain() {
        // given a site with a pump, then the pump deleted (a tombstone takes the relationship with it)
        writer(WriterSettings.defaults())
                .write(batch(store, site("site-1", "pump-1"), pump("pump-1", 1)), Partition.ALL);
        writer(WriterSettings.defaults())
                .write(batch(store, site("site-1", "pump-1"), TestBatches.tombstone("pump-1")), Partition.ALL);

        // when the pump comes back and the site changes (its relationship to the pump is the same as in its last file)
        WriteReport report = writer(WriterSettings.defaults())
                .write(batch(store, renamedSite("site-1", "pump-1"), pump("pump-1", 1)), Partition.ALL);

        // then the relationship is created again, not taken for unchanged
        assertThat(report.failures()).isEmpty();
        assertThat(relationshipIds("site-1")).containsExactly("site-1-contains-pump-1");
    }

    @Test
    void relationshipsOfANameTheFileDoesNotOwnAreKept() {
        // given a site applied with two pumps, its contains relationships not owned (stale: keep, the default)
        writer(WriterSettings.defaults())
                .write(
                        batch(store, site("site-1", "pump-1", "pump-2"), pump("pump-1", 1), pump("pump-2", 2)),
                        Partition.ALL);

        // when the source gives only the second pump
        WriteReport report = writer(WriterSettings.defaults())
                .write(batch(store, site("site-1", "pump-2"), pump("pump-1", 1), pump("pump-2", 2)), Partition.ALL);

        // then nothing is deleted
        assertThat(report.summary().relationships().deleted()).isZero();
        assertThat(relationshipIds("site-1"))
                .containsExactlyInAnyOrder("site-1-contains-pump-1", "site-1-contains-pump-2");
    }

    @Test
    void removalRemovesThePropertyFromTheTwin() {
        // given
        writer(WriterSettings.defaults())
                .write(batch(store, TestBatches.pumpWithSite("pump-1", 1200, "North")), Partition.ALL);

        // when
        WriteReport report = writer(WriterSettings.defaults())
                .write(batch(store, TestBatches.pumpWithout("pump-1", "site")), Partition.ALL);

        // then
        assertThat(report.summary().twins().patched()).isEqualTo(1);
        assertThat(twin("pump-1").has("site")).isFalse();
    }

    @Test
    void relationshipToAMissingTwinFailsAloneWithTheServiceErrorCode() {
        // given
        Batch batch = batch(store, site("site-1", "pump-1", "pump-9"), pump("pump-1", 1200));

        // when
        WriteReport report = writer(WriterSettings.defaults()).write(batch, Partition.ALL);

        // then
        assertThat(report.exitCode()).isEqualTo(3);
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(ItemKind.RELATIONSHIP);
            assertThat(failure.id()).isEqualTo("site-1-contains-pump-9");
            assertThat(failure.twinId()).isEqualTo("site-1");
            assertThat(failure.errorCode()).isEqualTo("TargetTwinNotFound");
            assertThat(failure.message()).isNotBlank();
        });
        assertThat(report.summary().twins().created()).isEqualTo(2);
        assertThat(report.summary().relationships()).isEqualTo(new OutcomeCounts(1, 0, 0, 0, 1));
    }

    @Test
    void twinWithAFailedRelationshipIsComparedAgainNextTime() {
        // given
        Batch batch = batch(store, site("site-1", "pump-9"));
        writer(WriterSettings.defaults()).write(batch, Partition.ALL);
        EmulatorStats before = emulator.stats();

        // when
        writer(WriterSettings.defaults()).write(batch, Partition.ALL);

        // then
        assertThat(emulator.stats().since(before).count("twins.get")).isEqualTo(1);
    }

    @Test
    void corruptTwinFileIsRecordedAsFailedAndTheOthersAreWritten() {
        // given
        Batch batch = batch(store, pump("pump-1", 1200));
        TestBatches.write(batch, "twins/broken.json", "{\"format\": \"twinsync.twin/1\", \"twinId\": ");

        // when
        WriteReport report = writer(WriterSettings.defaults()).write(batch, Partition.ALL);

        // then
        assertThat(report.exitCode()).isEqualTo(3);
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.id()).isEqualTo("twins/broken.json");
            assertThat(failure.errorCode()).isEqualTo("InvalidTwinFile");
            assertThat(failure.message()).contains("twins/broken.json");
        });
        assertThat(report.summary().twins()).isEqualTo(new OutcomeCounts(1, 0, 0, 0, 1));
        assertThat(results(batch))
                .anySatisfy(line -> assertThat(line.path("id").asText()).isEqualTo("twins/broken.json"));
    }

    @Test
    void aFullCompareReadsTheGraphByQueryNotTwinByTwinAndFindsNothingToPatch() {
        // given
        Batch batch = batch(store, site("site-1", "pump-1"), pump("pump-1", 1200));
        writer(WriterSettings.defaults()).write(batch, Partition.ALL);
        EmulatorStats before = emulator.stats();

        // when
        WriteReport report =
                writer(WriterSettings.defaults().withFullCompare(true)).write(batch, Partition.ALL);

        // then one query page per model and per relationship name, and no read of any twin or relationship
        EmulatorStats during = emulator.stats().since(before);
        assertThat(during.count("query")).isEqualTo(3);
        assertThat(during.count("twins.get")).isZero();
        assertThat(during.count("relationships.get")).isZero();
        assertThat(during.twinWrites() + during.relationshipWrites()).isZero();
        assertThat(report.summary().twins()).isEqualTo(new OutcomeCounts(0, 0, 2, 0, 0));
    }

    @Test
    void twinChangedInAdtIsLeftAloneUntilAFullCompare() {
        // given
        Batch batch = batch(store, pump("pump-1", 1200));
        writer(WriterSettings.defaults()).write(batch, Partition.ALL);
        client.updateDigitalTwin("pump-1", new JsonPatchDocument().appendAdd("/rpm", 1));
        EmulatorStats before = emulator.stats();

        // when
        writer(WriterSettings.defaults()).write(batch, Partition.ALL);
        EmulatorStats trusted = emulator.stats().since(before);
        WriteReport report =
                writer(WriterSettings.defaults().withFullCompare(true)).write(batch, Partition.ALL);

        // then
        assertThat(trusted.count("twins.get")).isZero();
        assertThat(report.summary().twins().patched()).isEqualTo(1);
        assertThat(twin("pump-1").get("rpm").asDouble()).isEqualTo(1200);
    }

    @Test
    void tombstoneDeletesTheTwinAfterItsIncomingRelationships() {
        // given
        writer(WriterSettings.defaults())
                .write(batch(store, site("site-1", "pump-1"), pump("pump-1", 1200)), Partition.ALL);

        // when
        WriteReport report =
                writer(WriterSettings.defaults()).write(batch(store, TestBatches.tombstone("pump-1")), Partition.ALL);

        // then the relationship to it went first, and both are accounted for: counted and in the results file
        assertThat(report.exitCode()).isZero();
        assertThat(report.summary().twins().deleted()).isEqualTo(1);
        assertThat(report.summary().relationships().deleted()).isEqualTo(1);
        EmulatorStats stats = emulator.stats();
        assertThat(stats.count("relationships.delete")).isEqualTo(1);
        assertThat(stats.count("twins.delete")).isEqualTo(1);
        Batch written = store.openBatch(store.latestBatch().orElseThrow());
        assertThat(resultLines(written)).anySatisfy(line -> assertThat(line)
                .contains("\"kind\":\"relationship\"")
                .contains("\"id\":\"site-1-contains-pump-1\"")
                .contains("\"action\":\"deleted\""));
    }

    @Test
    void partitionsTogetherWriteEveryTwinOnce() {
        // given
        Batch batch = batch(store, pump("pump-1", 1), pump("pump-2", 2), pump("pump-3", 3), pump("pump-4", 4));

        // when
        WriteReport first = writer(WriterSettings.defaults()).write(batch, Partition.parse("1/2"));
        WriteReport second = writer(WriterSettings.defaults()).write(batch, Partition.parse("2/2"));

        // then
        assertThat(first.summary().twins().created() + second.summary().twins().created())
                .isEqualTo(4);
        assertThat(emulator.stats().count("twins.put")).isEqualTo(4);
        assertThat(batch.list(BatchLayout.RESULTS))
                .containsExactly(
                        "results/part-1-of-2.ndjson",
                        "results/part-1-of-2.requests.json",
                        "results/part-2-of-2.ndjson",
                        "results/part-2-of-2.requests.json");
    }

    @Test
    void aTwinAppliedByAnotherPartitionLayoutIsComparedAgain() {
        // given pump-1 written with rpm 1200 by a whole-batch run, then with 1500 by the partition of 4 that holds it
        writer(WriterSettings.defaults()).write(batch(store, pump("pump-1", 1200)), Partition.ALL);
        writer(WriterSettings.defaults()).write(batch(store, pump("pump-1", 1500)), partitionOf("pump-1", 4));

        // when a whole-batch run brings back rpm 1200
        WriteReport report = writer(WriterSettings.defaults()).write(batch(store, pump("pump-1", 1200)), Partition.ALL);

        // then the twin is patched back, not skipped on the strength of the first run's record
        assertThat(report.summary().twins().patched()).isEqualTo(1);
        assertThat(twin("pump-1").get("rpm").asDouble()).isEqualTo(1200.0);
    }

    @Test
    @SuppressWarnings("try") // the lock is held by the try block, not used in it
    void aSecondWriterForTheSameTargetFailsAtOnceWithoutSendingAnything() {
        // given another writer holding the target's lock
        Batch batch = batch(store, pump("pump-1", 1200));
        try (StateLock other = new KnownStateStore(store.state(), "emulator").lock(Partition.ALL)) {

            // when this writer starts / then it stops at once, saying why and what to do
            assertThatThrownBy(() -> writer(WriterSettings.defaults()).write(batch, Partition.ALL))
                    .isInstanceOf(TwinWriteException.class)
                    .hasMessageContaining("Another twinsync writer is running against target emulator")
                    .hasMessageContaining("writer.lock")
                    .hasMessageContaining("Wait for it to finish, or stop it");
        }
        assertThat(emulator.stats().total()).isZero();
        assertThat(batch.list(BatchLayout.RESULTS)).isEmpty();
    }

    @Test
    void partitionsWrittenAtOnceBothSucceedAndTheKnownStateKeepsEveryTwin() throws Exception {
        // given a batch of twelve pumps, split in two partitions, as two Batch tasks sharing one staging area
        TwinFile[] pumps = new TwinFile[12];
        for (int i = 0; i < pumps.length; i++) {
            pumps[i] = pump("pump-" + i, 1000 + i);
        }
        Batch batch = batch(store, pumps);

        // when both partitions are written at the same time
        ExecutorService tasks = Executors.newFixedThreadPool(2);
        try {
            Future<WriteReport> first =
                    tasks.submit(() -> writer(WriterSettings.defaults()).write(batch, new Partition(1, 2)));
            Future<WriteReport> second =
                    tasks.submit(() -> writer(WriterSettings.defaults()).write(batch, new Partition(2, 2)));

            // then neither waits for the other's lock, and together they created every twin
            assertThat(first.get().summary().twins().created()
                            + second.get().summary().twins().created())
                    .isEqualTo(12);
        } finally {
            tasks.shutdown();
        }

        // and the known state has all twelve: a whole-batch run now sends nothing per twin
        WriteReport again = writer(WriterSettings.defaults()).write(batch, Partition.ALL);
        assertThat(again.summary().twins().unchanged()).isEqualTo(12);
    }

    @Test
    void modelsUploadedByAnotherWriterBetweenListingAndUploadAreNotUploadedAgain() {
        // given a client whose first model upload is overtaken by another writer uploading the Pump model
        DigitalTwinsAsyncClient otherWriter =
                AdtClients.builder(target(), WriterSettings.defaults()).buildAsyncClient();
        HttpClient http = trustingEmulator();
        AtomicBoolean overtaken = new AtomicBoolean();
        HttpClient racing = request -> {
            boolean modelUpload = request.getHttpMethod() == HttpMethod.POST
                    && request.getUrl().getPath().equals("/models");
            if (modelUpload && overtaken.compareAndSet(false, true)) {
                return otherWriter
                        .createModels(List.of(model(TestBatches.PUMP_MODEL)))
                        .then(Mono.defer(() -> http.send(request)));
            }
            return http.send(request);
        };
        DigitalTwinsClient overtakenClient = AdtClients.builder(target(), WriterSettings.defaults())
                .httpClient(racing)
                .buildClient();
        Batch batch = batch(store, pump("pump-1", 1200));

        // when the batch is written
        WriteReport report = new TwinWriter(overtakenClient, store, "emulator", WriterSettings.defaults())
                .write(batch, Partition.ALL);

        // then the refused upload (409) is followed by a second listing and an upload of only the Site model
        assertThat(overtaken).isTrue();
        assertThat(report.exitCode()).isZero();
        assertThat(report.summary().twins().created()).isEqualTo(1);
        assertThat(emulator.stats().countStatus(409)).isEqualTo(1);
        assertThat(emulator.stats().count("models.post")).isEqualTo(3); // the other's, the refused one, Site's
        assertThat(emulator.stats().count("models.list")).isEqualTo(2);
        assertThat(client.getModel(TestBatches.SITE_MODEL).getModelId()).isEqualTo(TestBatches.SITE_MODEL);
    }

    @Test
    void writersThatCollideOnEveryModelRequestStillUploadEveryModel() {
        // given 1,000 models (4 requests of 250) and a client whose every model request is beaten by another writer
        // sending the same request first, as partitions of one batch do when they start together
        StringBuilder models = new StringBuilder(TestBatches.MODELS.strip());
        models.setLength(models.length() - 1);
        for (int i = 0; i < 1000; i++) {
            models.append(",{\"@id\":\"dtmi:twinsync:test:Generated")
                    .append(i)
                    .append(";1\",\"@type\":\"Interface\",\"@context\":\"dtmi:dtdl:context;3\"}");
        }
        models.append(']');
        HttpClient http = trustingEmulator();
        HttpClient beaten = request -> request.getHttpMethod() == HttpMethod.POST
                        && request.getUrl().getPath().equals("/models")
                ? http.send(request).then(Mono.defer(() -> http.send(request)))
                : http.send(request);
        DigitalTwinsClient beatenClient = AdtClients.builder(target(), WriterSettings.defaults())
                .httpClient(beaten)
                .buildClient();
        Batch batch = TestBatches.batchWithModels(store, models.toString(), pump("pump-1", 1200));

        // when
        WriteReport report =
                new TwinWriter(beatenClient, store, "emulator", WriterSettings.defaults()).write(batch, Partition.ALL);

        // then every round made progress, so the writer went on past three conflicts and wrote the twin
        assertThat(report.exitCode()).isZero();
        assertThat(emulator.stats().countStatus(409))
                .as("more than ModelUploader.MAX_CONFLICT_ROUNDS")
                .isGreaterThan(3);
        assertThat(client.listModels().stream().count()).isEqualTo(1002);
        assertThat(report.summary().twins().created()).isEqualTo(1);
    }

    @Test
    void aModelTheTargetHoldsWithOtherContentStopsTheRunBeforeAnythingIsWritten() {
        // given the target holds the Pump model with an rpm of another schema
        client.createModels(List.of(model(TestBatches.PUMP_MODEL).replace("\"double\"", "\"integer\"")));
        Batch batch = batch(store, pump("pump-1", 1200));

        // when / then the run stops naming the model, where it differs and what to do
        assertThatThrownBy(() -> writer(WriterSettings.defaults()).write(batch, Partition.ALL))
                .isInstanceOf(TwinWriteException.class)
                .hasMessageContaining(TestBatches.PUMP_MODEL + " (differs at /contents/rpm/schema)")
                .hasMessageContaining("give the changed model a new version")
                .hasMessageContaining("Nothing was written");
        assertThat(emulator.stats().count("twins.put")).isZero();
        assertThat(emulator.stats().count("models.post")).isEqualTo(1); // the test's own
    }

    @Test
    void modelsThatNeedAnInterfaceNeitherTheyNorTheTargetHoldStopTheRunBeforeAnythingIsWritten() {
        // given a batch whose Pump extends an Asset model that is not in models.json nor in the target
        String models = TestBatches.MODELS.replace(
                "{\"@id\": \"dtmi:twinsync:test:Pump;1\", \"@type\": \"Interface\",",
                "{\"@id\": \"dtmi:twinsync:test:Pump;1\", \"@type\": \"Interface\","
                        + " \"extends\": \"dtmi:twinsync:test:Asset;1\",");
        Batch batch = TestBatches.batchWithModels(store, models, pump("pump-1", 1));

        // when / then
        assertThatThrownBy(() -> writer(WriterSettings.defaults()).write(batch, Partition.ALL))
                .isInstanceOf(TwinWriteException.class)
                .hasMessageContaining("need dtmi:twinsync:test:Asset;1 (for dtmi:twinsync:test:Pump;1)")
                .hasMessageContaining("Nothing was written.");
        assertThat(emulator.stats().count("models.post")).isZero();
        assertThat(emulator.stats().count("twins.put")).isZero();
    }

    @Test
    void refusedModelsStopTheRunWithTheServiceMessage() {
        // given
        String badModels = "[{\"@id\": \"dtmi:twinsync:test:Bad;1\", \"@type\": \"Interface\","
                + " \"@context\": \"dtmi:dtdl:context;3\", \"contents\": [{\"@type\": \"Property\", \"name\": \"x\","
                + " \"schema\": \"noSuchType\"}]}]";
        Batch batch = TestBatches.batchWithModels(store, badModels, pump("pump-1", 1));

        // when / then
        assertThatThrownBy(() -> writer(WriterSettings.defaults()).write(batch, Partition.ALL))
                .isInstanceOf(TwinWriteException.class)
                .hasMessageContaining("DTDLParserError")
                .hasMessageContaining("Fix the DTDL");
        assertThat(emulator.stats().count("twins.put")).isZero();
    }

    private AdtTarget target() {
        return AdtTarget.emulator(emulator.endpoint(), emulator.certificate());
    }

    private HttpClient trustingEmulator() {
        return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder()
                        .sslContext(TrustedCertificates.trustingOnly(emulator.certificate())))
                .build();
    }

    /** One model of {@link TestBatches#MODELS}, as JSON text. */
    private static String model(String id) {
        try {
            for (JsonNode model : StagingJson.mapper().readTree(TestBatches.MODELS)) {
                if (model.path("@id").asText().equals(id)) {
                    return model.toString();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException("No model " + id);
    }

    /** The partition of {@code count} that holds the twin's file. */
    private static Partition partitionOf(String twinId, int count) {
        for (int i = 1; i <= count; i++) {
            if (new Partition(i, count).contains(BatchLayout.twinFile(twinId))) {
                return new Partition(i, count);
            }
        }
        throw new IllegalStateException("No partition holds " + twinId);
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

    static List<JsonNode> results(Batch batch) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                batch.open(BatchLayout.resultsFile(Partition.ALL.fileName())), StandardCharsets.UTF_8))) {
            return reader.lines().map(TwinWriterTests::parse).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return StagingJson.mapper().readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(line, e);
        }
    }

    private static void deleteTree(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> relationshipIds(String twinId) {
        return client.listRelationships(twinId, BasicRelationship.class).stream()
                .map(BasicRelationship::getId)
                .toList();
    }

    private static List<String> resultLines(Batch batch) {
        try (var in = batch.open(BatchLayout.resultsFile(Partition.ALL.fileName()))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TwinFile renamedSite(String id, String... pumpIds) {
        TwinFile site = site(id, pumpIds);
        ObjectNode twin = site.twin().deepCopy().put("name", "Renamed " + id);
        return TwinFile.of("Site", site.sourceKey(), false, twin, site.relationships(), List.of());
    }
}
