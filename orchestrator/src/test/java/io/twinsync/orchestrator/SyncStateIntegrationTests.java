package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.models.JsonPatchDocument;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import io.twinsync.orchestrator.TwinsyncProcesses.Result;
import io.twinsync.orchestrator.TwinsyncProcesses.StandaloneEmulator;
import io.twinsync.writer.AdtClients;
import io.twinsync.writer.AdtTarget;
import io.twinsync.writer.WriterSettings;
import io.twinsync.writer.client.PemCertificate;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three ways issue 12 found to end with a wrong graph and a run that said {@code OK}, each played out with the
 * packaged CLI and standalone emulators in separate processes: the graph must end exactly as a clean first load of
 * the same source into an empty target leaves it.
 */
class SyncStateIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void anotherSourceOrAnotherTargetIsReadWholeInsteadOfThroughTheFirstOnesWatermarks() throws Exception {
        Path home = dir.resolve("home");
        try (StandaloneEmulator first =
                        new StandaloneEmulator(dir.resolve("adt-1"), TwinsyncProcesses.freePort()).start();
                StandaloneEmulator second =
                        new StandaloneEmulator(dir.resolve("adt-2"), TwinsyncProcesses.freePort()).start()) {
            // given a home synced from the sample ERP into the first target
            TwinsyncProcesses.assertOk(TwinsyncProcesses.run(home, first.target(), "run"));

            // and another database: the sample's copy with 20 more pumps, last modified long before the watermark
            Path other = dir.resolve("other-erp");
            TwinsyncProcesses.copyFolder(home.resolve("sample-erp"), other);
            String otherUrl = "jdbc:h2:file:" + other.resolve("erp")
                    + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
            TwinsyncProcesses.sql(
                    otherUrl,
                    "INSERT INTO Equipment SELECT EquipmentId + 1000, CONCAT(AssetTag, '-B'), LineId,"
                            + " CostCenterId, Name, Category, Manufacturer, ModelNumber, SerialNumber, Status, IsCritical,"
                            + " RatedPowerKw, InstalledOn, LastServiceAt, TIMESTAMP '2000-01-01 00:00:00', IsDeleted"
                            + " FROM Equipment WHERE EquipmentId <= 20 AND IsDeleted = 0");

            // when the home is pointed at that database, same target
            Map<String, String> otherSource = new HashMap<>(first.target());
            otherSource.put("TWINSYNC_SOURCE_URL", otherUrl);
            Result switched = TwinsyncProcesses.run(home, otherSource, "run");

            // then the equipment is read whole, the run says why, and the 20 pumps are created
            TwinsyncProcesses.assertOk(switched);
            assertThat(switched.output()).contains("the source changed (was jdbc:h2:file:");
            assertThat(switched.output()).containsPattern("twins +20 created, 0 patched");

            // and when the same home is pointed at an empty target, that is a first load of everything
            Map<String, String> otherTarget = new HashMap<>(otherSource);
            otherTarget.putAll(second.target());
            Result fresh = TwinsyncProcesses.run(home, otherTarget, "run");
            TwinsyncProcesses.assertOk(fresh);
            assertThat(fresh.output()).contains("every entity read whole: no sync state for this target yet");

            // so both targets hold exactly what the other database says
            GraphDump one = GraphDump.of(first.endpoint(), first.certificate());
            GraphDump two = GraphDump.of(second.endpoint(), second.certificate());
            assertThat(one.twins()).hasSize(347 + 20);
            assertThat(one).isEqualTo(two);
        }
    }

    @Test
    void aFullCompareRepairsTwinsDeletedAndPatchedInTheGraphEvenForIncrementalEntities() throws Exception {
        Path home = dir.resolve("home");
        try (StandaloneEmulator adt =
                new StandaloneEmulator(dir.resolve("adt"), TwinsyncProcesses.freePort()).start()) {
            // given a synced graph in which one pump was deleted and another patched by other means
            TwinsyncProcesses.assertOk(TwinsyncProcesses.run(home, adt.target(), "run"));
            DigitalTwinsClient client = client(adt);
            client.listRelationships("asset-PMP-0001", com.azure.digitaltwins.core.BasicRelationship.class)
                    .forEach(r -> client.deleteRelationship(r.getSourceId(), r.getId()));
            client.listIncomingRelationships("asset-PMP-0001")
                    .forEach(r -> client.deleteRelationship(r.getSourceId(), r.getRelationshipId()));
            client.deleteDigitalTwin("asset-PMP-0001");
            client.updateDigitalTwin("asset-PMP-0002", new JsonPatchDocument().appendReplace("/name", "Renamed"));
            GraphDump firstLoad = TwinsyncProcesses.cleanFirstLoad(home, dir);

            // when twinsync looks, then repairs
            Result normal = TwinsyncProcesses.run(home, adt.target(), "run");
            Result drift = TwinsyncProcesses.run(home, adt.target(), "drift");
            Result repair = TwinsyncProcesses.run(home, adt.target(), "run", "--full-compare");

            // then a normal run trusts its record and sees nothing; drift names both twins; the full compare reads
            // the equipment whole and repairs both, with the relationships of the deleted one
            TwinsyncProcesses.assertOk(normal);
            assertThat(normal.output()).contains("twins          0 created, 0 patched");
            assertThat(drift.code()).as(drift.output()).isEqualTo(3);
            assertThat(drift.output()).contains("changed: asset-PMP-0002", "removed: asset-PMP-0001");
            TwinsyncProcesses.assertOk(repair);
            assertThat(repair.output()).containsPattern("equipment 300");
            assertThat(repair.output()).containsPattern("twins +1 created, 1 patched");
            assertThat(GraphDump.of(adt.endpoint(), adt.certificate())).isEqualTo(firstLoad);
            Result after = TwinsyncProcesses.run(home, adt.target(), "drift");
            assertThat(after.code()).as(after.output()).isZero();
        }
    }

    @Test
    void writesTheServiceLostAreFoundByADriftCheckAndRepairedByAFullCompare() throws Exception {
        Path home = dir.resolve("home");
        int port = TwinsyncProcesses.freePort();
        Path adtHome = dir.resolve("adt");
        // given a first load, saved by the emulator as it stops
        StandaloneEmulator adt = new StandaloneEmulator(adtHome, port).start();
        try {
            TwinsyncProcesses.assertOk(TwinsyncProcesses.run(home, adt.target(), "run"));
            adt.stop();

            // and a second batch of changes (patches, a soft delete, a moved pump, a production line gone) that the
            // service then loses: the emulator is killed and comes back from its last save
            adt = new StandaloneEmulator(adtHome, port).start();
            // (straight into the sample ERP's file, which no process holds between commands: a JVM less per change)
            TwinsyncProcesses.sql(
                    TwinsyncProcesses.sampleErpUrl(home),
                    "UPDATE Equipment SET Status = 'Maintenance', ModifiedAt = CURRENT_TIMESTAMP WHERE EquipmentId <= 40",
                    "UPDATE Equipment SET IsDeleted = 1, ModifiedAt = CURRENT_TIMESTAMP WHERE AssetTag = 'SNS-0001'",
                    "UPDATE Equipment SET LineId = 2, ModifiedAt = CURRENT_TIMESTAMP WHERE LineId = 1",
                    "UPDATE Equipment SET LineId = NULL, ModifiedAt = CURRENT_TIMESTAMP WHERE LineId = 24",
                    "DELETE FROM ProductionLine WHERE LineId = 24");
            Result lost = TwinsyncProcesses.run(home, adt.target(), "run");
            TwinsyncProcesses.assertOk(lost);
            assertThat(lost.output()).containsPattern("twins +0 created, [1-9]\\d* patched");
            adt.kill();
            adt = new StandaloneEmulator(adtHome, port).start();

            // when the next run trusts its record, then a run asks for a drift check, then one repairs
            Result trusting = TwinsyncProcesses.run(home, adt.target(), "run");
            Result verified = TwinsyncProcesses.run(home, adt.target(), "run", "--verify");
            Result repaired = TwinsyncProcesses.run(home, adt.target(), "run", "--full-compare");

            // then the trusting run could not know; the verified one reports drift and does not say OK; the full
            // compare makes the graph exactly a clean first load of the source as it is now
            TwinsyncProcesses.assertOk(trusting);
            assertThat(verified.code()).as(verified.output()).isEqualTo(3);
            assertThat(verified.output()).contains("result     DRIFT").containsPattern("\\d+ changed, \\d+ removed");
            TwinsyncProcesses.assertOk(repaired);
            assertThat(GraphDump.of(adt.endpoint(), adt.certificate()))
                    .isEqualTo(TwinsyncProcesses.cleanFirstLoad(home, dir));
            Result clean = TwinsyncProcesses.run(home, adt.target(), "run", "--verify");
            TwinsyncProcesses.assertOk(clean);
            assertThat(clean.output()).containsPattern("drift +.*: none");
        } finally {
            adt.close();
        }
    }

    private static DigitalTwinsClient client(StandaloneEmulator adt) {
        return AdtClients.create(
                AdtTarget.emulator(URI.create(adt.endpoint()), PemCertificate.read(adt.certificate())),
                WriterSettings.defaults());
    }
}
