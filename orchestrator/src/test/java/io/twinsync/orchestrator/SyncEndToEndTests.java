package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.BatchManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The README's walk-through, in process: SQL rows in the sample ERP become twins in the emulator through the real
 * SDK; a second run sends nothing; an UPDATE of one row patches exactly that twin. The steps build on each other, so
 * they run in order against one home folder.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncEndToEndTests {

    static final Path home = CliRun.newHome("sync-e2e-");

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
    }

    @Autowired
    TwinsyncCommandLine cli;

    @Test
    @Order(1)
    void firstRunCreatesEveryTwinAndRelationship() {
        // when the sample ERP is synced into an empty emulator
        CliRun run = cli("run");

        // then every row becomes a created twin and every relationship is created, with nothing failed
        assertThat(run.code()).as(run.toString()).isZero();
        BatchManifest manifest = latestManifest();
        long rows = manifest.extract().totalRows();
        assertThat(rows).isGreaterThan(300);
        assertThat(manifest.transform().rowsRejected()).isZero();
        assertThat(manifest.write().twins().created()).isEqualTo(rows);
        assertThat(manifest.write().relationships().created())
                .isEqualTo(manifest.transform().relationships())
                .isPositive();
        assertThat(manifest.write().twins().failed()
                        + manifest.write().relationships().failed())
                .isZero();
        assertThat(run.out()).contains("result     OK");
    }

    @Test
    @Order(2)
    void secondRunSendsNothingForUnchangedTwins() {
        CliRun run = cli("run");

        assertThat(run.code()).as(run.toString()).isZero();
        BatchManifest manifest = latestManifest();
        assertThat(manifest.write().twins().created() + manifest.write().twins().patched())
                .isZero();
        assertThat(manifest.write().relationships().created()
                        + manifest.write().relationships().patched())
                .isZero();
        assertThat(manifest.write().twins().unchanged())
                .isEqualTo(manifest.extract().totalRows());
        assertThat(manifest.write().requests())
                .as("requests sent to ADT: only the check that the models are there, nothing per twin")
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void anUpdatedRowPatchesExactlyThatTwin() throws Exception {
        // given one equipment row changed in the ERP
        CliRun update = cli(
                "sample-erp",
                "sql",
                "UPDATE Equipment SET Status = 'Maintenance', ModifiedAt = CURRENT_TIMESTAMP"
                        + " WHERE AssetTag = 'PMP-0001'");
        assertThat(update.out()).contains("1 row changed");

        // when the next batch runs
        CliRun run = cli("run");

        // then only that equipment row is read (equipment is incremental), exactly its twin is patched, and ADT
        // shows the new value
        assertThat(run.code()).as(run.toString()).isZero();
        BatchManifest manifest = latestManifest();
        assertThat(manifest.extract().rowsByEntity()).containsEntry("equipment", 1L);
        assertThat(manifest.write().twins().patched()).isEqualTo(1);
        assertThat(manifest.write().twins().created()).isZero();
        CliRun twin = cli("twin", "asset-PMP-0001");
        JsonNode json = StagingJson.mapper().readTree(twin.out());
        assertThat(json.path("$dtId").asText()).isEqualTo("asset-PMP-0001");
        assertThat(json.path("status").asText())
                .as("the enum value for Maintenance")
                .isEqualTo("maintenance");
        assertThat(json.path("$etag").asText()).startsWith("W/\"");
    }

    @Test
    @Order(4)
    void anUnknownTwinSaysSoAndFails() {
        CliRun twin = cli("twin", "no-such-twin");

        assertThat(twin.code()).isEqualTo(1);
        assertThat(twin.err()).contains("No twin 'no-such-twin'").contains("twinsync run");
    }

    @Test
    @Order(5)
    void aRowThatCannotBecomeATwinIsSetAsideAndTheRunExitsThree() throws Exception {
        // given an equipment row whose asset tag makes an invalid twin id (a control character)
        cli(
                "sample-erp",
                "sql",
                "UPDATE Equipment SET AssetTag = CONCAT('BAD', CHAR(9), 'TAG'), ModifiedAt = CURRENT_TIMESTAMP"
                        + " WHERE EquipmentId = 2");

        // when the next batch runs
        CliRun run = cli("run");

        // then the row is rejected with its key and reason, the rest is written, and the exit code says partial
        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).contains("INVALID_TWIN_ID").contains("result     PARTIAL");
        BatchManifest manifest = latestManifest();
        assertThat(manifest.transform().rowsRejected()).isEqualTo(1);
        assertThat(manifest.write().twins().unchanged())
                .isEqualTo(manifest.extract().totalRows() - 1);
        StagingStore staging = new LocalStagingStore(home.resolve("staging"));
        String rejects;
        try (var in = staging.openBatch(staging.latestBatch().orElseThrow()).open("rejects/transform.ndjson")) {
            rejects = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        JsonNode reject =
                StagingJson.mapper().readTree(rejects.lines().findFirst().orElseThrow());
        assertThat(reject.path("entity").asText()).isEqualTo("equipment");
        assertThat(reject.path("rowKey").path("EquipmentId").asInt()).isEqualTo(2);
        assertThat(reject.path("code").asText()).isEqualTo("INVALID_TWIN_ID");
    }

    @Test
    @Order(6)
    void aRunWithoutWritingThenImportFileGivesAnImportJobFile() throws Exception {
        // given a batch extracted and transformed but not written
        CliRun run = cli("run", "--no-write");
        // the previous batch was written, so its watermark moved past the rejected row: it is read again only once
        // it changes (when someone fixes it), and this batch has nothing to reject
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("write      skipped");
        BatchManifest manifest = latestManifest();
        assertThat(manifest.write()).isNull();

        // when the batch is written as an import file
        CliRun export = cli("import-file");

        // then the file holds the header, the models and every twin of the batch
        assertThat(export.code()).as(export.toString()).isZero();
        Path file = Path.of(export.out().lines().findFirst().orElseThrow());
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("{\"Section\":\"Header\"}");
        assertThat(lines).contains("{\"Section\":\"Twins\"}", "{\"Section\":\"Relationships\"}");
        assertThat(lines.stream().filter(l -> l.startsWith("{\"$dtId\"") && l.contains("\"$metadata\"")))
                .hasSize((int) manifest.transform().twinFiles());
    }

    @Test
    @Order(7)
    void validateNamesTheRowTheTransformWouldReject() {
        // given the equipment row with an invalid asset tag from an earlier step
        // when the mapping is validated against a sample of the source
        CliRun validate = cli("validate");

        // then the row is listed with its reason, and the exit code says problems were found
        assertThat(validate.code()).as(validate.toString()).isEqualTo(3);
        assertThat(validate.out()).contains("INVALID_TWIN_ID").contains("equipment");
    }

    @Test
    @Order(8)
    void aSoftDeletedRowDeletesItsTwin() {
        // given an equipment row flagged deleted in the ERP
        cli(
                "sample-erp",
                "sql",
                "UPDATE Equipment SET IsDeleted = 1, ModifiedAt = CURRENT_TIMESTAMP WHERE AssetTag = 'SNS-0001'");
        assertThat(cli("twin", "asset-SNS-0001").code()).isZero();

        // when the next batch runs
        CliRun run = cli("run");

        // then the twin and its relationships are gone from ADT
        assertThat(run.code()).as(run.toString()).isZero();
        BatchManifest manifest = latestManifest();
        assertThat(manifest.transform().tombstones()).isEqualTo(1);
        assertThat(manifest.write().twins().deleted()).isEqualTo(1);
        assertThat(cli("twin", "asset-SNS-0001").code()).isEqualTo(1);
    }

    @Test
    @Order(9)
    void aLineWhoseRowIsGoneIsDeletedWithTheRelationshipsToIt() {
        // given production line MTY-L24's equipment moved off it, and the line's row deleted in the ERP
        cli(
                "sample-erp",
                "sql",
                "UPDATE Equipment SET LineId = NULL, ModifiedAt = CURRENT_TIMESTAMP WHERE LineId = 24");
        CliRun delete = cli("sample-erp", "sql", "DELETE FROM ProductionLine WHERE LineId = 24");
        assertThat(delete.out()).contains("1 row changed");

        // when the next batch runs
        CliRun run = cli("run");

        // then the line's twin is a tombstone (lines are read whole, deleted.missing) and is deleted from ADT
        assertThat(run.code()).as(run.toString()).isZero();
        BatchManifest manifest = latestManifest();
        assertThat(manifest.transform().tombstones()).isEqualTo(1);
        assertThat(manifest.write().twins().deleted()).isEqualTo(1);
        assertThat(cli("twin", "line-MTY-L24").code()).isEqualTo(1);

        // and a further batch has nothing more to delete
        CliRun again = cli("run");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(latestManifest().transform().tombstones()).isZero();
    }

    @Test
    @Order(10)
    void equipmentMovedToAnotherLineLosesItsOldInstalledOnRelationship() {
        // given equipment PMP-0001 moved from line RTM-L01 to RTM-L02 in the ERP (installedOn has stale: remove)
        cli(
                "sample-erp",
                "sql",
                "UPDATE Equipment SET LineId = 2, ModifiedAt = CURRENT_TIMESTAMP WHERE AssetTag = 'PMP-0001'");

        // when the next batch runs
        CliRun run = cli("run");

        // then the relationship to the new line is created and the one to the old line deleted
        assertThat(run.code()).as(run.toString()).isZero();
        BatchManifest manifest = latestManifest();
        assertThat(manifest.write().relationships().created()).isEqualTo(1);
        assertThat(manifest.write().relationships().deleted()).isEqualTo(1);
        CliRun twin = cli("twin", "asset-PMP-0001", "--relationships");
        assertThat(twin.out()).contains("installedOn-line-RTM-L02").doesNotContain("installedOn-line-RTM-L01");
    }

    @Test
    @Order(11)
    void statusListsEveryBatchWithHowItStandsAndItsCountsAndBatchesIsTheSameCommand() {
        CliRun status = cli("status");

        assertThat(status.code()).as(status.toString()).isZero();
        List<String> lines =
                status.out().lines().filter(l -> l.startsWith("  20")).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(9);
        assertThat(lines.get(0))
                .contains("  OK  ")
                .containsPattern("twins \\d+ created 0 patched 0 unchanged 0 deleted 0 failed")
                .containsPattern("relationships \\d+ created");
        assertThat(lines).anyMatch(l -> l.contains("  PARTIAL  ") && l.contains("1 rejected"));
        assertThat(lines).anyMatch(l -> l.contains("OK (not written)") && l.contains("not written"));
        assertThat(lines).anyMatch(l -> l.contains("1 deleted"));
        assertThat(cli("batches").out()).isEqualTo(status.out());
    }

    @Test
    @Order(12)
    void statusOfOneBatchShowsItsStepsWritePartitionsCountsAndTopProblems() {
        String partial = cli("status")
                .out()
                .lines()
                .filter(l -> l.contains("  PARTIAL  "))
                .findFirst()
                .orElseThrow()
                .strip()
                .split(" ")[0];

        CliRun status = cli("status", partial);

        assertThat(status.code()).as(status.toString()).isZero();
        assertThat(status.out())
                .startsWith("batch " + partial + "  PARTIAL")
                .containsPattern("extract +COMPLETED")
                // one per core, at least 2
                .containsPattern("writeTwins +COMPLETED")
                .containsPattern("twins part-1-of-\\d+ +COMPLETED")
                .containsPattern("twins part-2-of-\\d+ +COMPLETED")
                .containsPattern("writeRelationships +COMPLETED")
                .containsPattern("relationships part-1-of-\\d+ +COMPLETED")
                .containsPattern("relationships part-2-of-\\d+ +COMPLETED")
                .containsPattern("record +COMPLETED")
                .containsPattern("archive +COMPLETED")
                .contains("1 rows rejected")
                .contains("top rejected rows")
                .containsPattern("INVALID_TWIN_ID +1  e\\.g\\. equipment \\{\"EquipmentId\":2\\}")
                // a completed batch is read from the archive it moved to
                .contains("all listed in " + home.toAbsolutePath().resolve("staging/archive/" + partial)
                        + "/rejects/transform.ndjson");
    }

    private BatchManifest latestManifest() {
        return CliRun.latestManifest(home);
    }

    private CliRun cli(String... args) {
        return CliRun.of(cli, args);
    }
}
