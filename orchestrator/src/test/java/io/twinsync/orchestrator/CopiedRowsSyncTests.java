package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.manifest.BatchManifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
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
 * {@code twinsync copy-plan} and {@code twinsync run --rows-from}: batches made from rows Data Factory copied into the
 * staging area, synced into the embedded emulator. Data Factory is simulated: {@link CopyActivitySink} runs each
 * query of the copy plan on a sample ERP of its own and writes the entity's file in the shape a Copy activity's JSON
 * sink writes (one object per line). twinsync never reads a source here. The steps build on each other, so they run
 * in order against one home.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CopiedRowsSyncTests {

    static final Path home = CliRun.newHome("copied-rows-");

    private final CopyActivitySink erp = CopyActivitySink.ofNewSampleErp("copied-rows");

    /** The entities of {@code twinsync copy-plan}, which the simulated Copy activities copy. */
    private JsonNode plan;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
    }

    @Autowired
    TwinsyncCommandLine cli;

    @AfterAll
    void closeErp() throws Exception {
        erp.close();
    }

    @Test
    @Order(1)
    void theCopyPlanListsEachEntitysQueryFromTheMappingAndItsFile() throws Exception {
        // when the pipeline's first activity asks what to copy
        CliRun run = cli("copy-plan");

        // then it lists every mapped entity with the mapping's query (SELECT * for a table) and its file
        assertThat(run.code()).as(run.toString()).isZero();
        JsonNode entities = CliRun.oneDocumentOf(run.out()).path("entities");
        assertThat(entities)
                .extracting(e -> e.path("name").asText())
                .containsExactly("cost-center", "site", "building", "production-line", "equipment");
        assertThat(entities.get(1).path("query").asText()).isEqualTo("SELECT * FROM [Site]");
        assertThat(entities.get(1).path("fileName").asText()).isEqualTo("site.json");
        assertThat(entities.get(4).path("query").asText())
                .startsWith("SELECT e.EquipmentId, e.AssetTag")
                .contains("LEFT JOIN CostCenter c ON c.CostCenterId = e.CostCenterId");
        plan = entities;
    }

    @Test
    @Order(2)
    void aFirstCopyCreatesEveryTwinAndRelationship() {
        // given every entity copied into incoming/run-1, as the copy plan says
        Map<String, Long> copied = erp.copyAll(incoming("run-1"), plan);

        // when a batch stages them
        CliRun run = cli("run", "--rows-from", "incoming/run-1");

        // then every copied row became a created twin, with its relationships, and no source was read
        assertThat(run.code()).as(run.toString()).isZero();
        BatchManifest manifest = latestManifest();
        assertThat(manifest.extract().rowsByEntity()).isEqualTo(copied);
        assertThat(manifest.extract().totalRows()).isEqualTo(347);
        assertThat(manifest.transform().rowsRejected()).isZero();
        assertThat(manifest.write().twins().created()).isEqualTo(347);
        assertThat(manifest.write().relationships().created())
                .isEqualTo(manifest.transform().relationships())
                .isEqualTo(610);
        assertThat(manifest.write().twins().failed()
                        + manifest.write().relationships().failed())
                .isZero();
        assertThat(run.out())
                .contains("source     rows copied by Data Factory, incoming/run-1")
                .contains("result     OK");
        assertThat(home.resolve("sample-erp")).doesNotExist();
        // typed as the JDBC extract types them: a datetime column became a dateTime, a bit a boolean
        String twin = cli("twin", "asset-PMP-0001").out();
        assertThat(twin)
                .contains("\"sourceModifiedAt\" : \"2025-01-15T08:00:00Z\"")
                .contains("\"status\" : \"running\"")
                .contains("\"isCritical\" : ");
    }

    @Test
    @Order(3)
    void aPlanAfterAWrittenBatchCopiesAWatermarkedEntityAboveItsWatermarkAndAnUnchangedCopySendsNothing()
            throws Exception {
        // given the next pipeline run's plan, made after the first batch was written: equipment (watermark
        // ModifiedAt) is copied above the largest ModifiedAt that batch staged, the rest whole
        CliRun planned = cli("copy-plan", "--rows-from", "incoming/run-2");
        assertThat(planned.code()).as(planned.toString()).isZero();
        JsonNode entities = CliRun.oneDocumentOf(planned.out()).path("entities");
        JsonNode equipment = entities.get(4);
        assertThat(equipment.path("read").asText()).isEqualTo("INCREMENTAL");
        assertThat(equipment.path("watermark").path("column").asText()).isEqualTo("ModifiedAt");
        assertThat(equipment.path("watermark").path("value").asText()).isEqualTo("2025-01-15T08:00");
        assertThat(equipment.path("query").asText())
                .startsWith("SELECT * FROM (SELECT e.EquipmentId")
                .endsWith(") AS twinsync_copied WHERE [ModifiedAt] > CAST('2025-01-15T08:00:00.0000000' AS datetime2)");
        assertThat(entities.get(1).path("read").asText()).isEqualTo("FULL");
        erp.copyAll(incoming("run-2"), entities);

        // when a batch stages the unchanged ERP's copy
        CliRun run = cli("run", "--rows-from", "incoming/run-2");

        // then equipment was read incrementally (no row changed), the rest whole, and nothing is written
        assertThat(run.code()).as(run.toString()).isZero();
        BatchManifest manifest = latestManifest();
        assertThat(manifest.extract().incremental()).containsExactly("equipment");
        assertThat(manifest.extract().rowsByEntity()).containsEntry("equipment", 0L);
        assertThat(manifest.write().twins().created() + manifest.write().twins().patched())
                .isZero();
        assertThat(manifest.write().twins().unchanged()).isEqualTo(47);
        assertThat(manifest.write().relationships().created()
                        + manifest.write().relationships().patched()
                        + manifest.write().relationships().deleted())
                .isZero();
    }

    @Test
    @Order(4)
    void aRowGoneFromACopyDeletesItsTwinAChangedRowIsCopiedAndBadLinesAreSetAside() throws Exception {
        // given a changed pump, a production line deleted in the ERP (its equipment moved off it first), each change
        // stamped in ModifiedAt as the ERP would, copied by the next run's plan; and two equipment lines that are no
        // rows: one cut short, one without its key
        erp.sql("UPDATE Equipment SET Status = 'Maintenance', ModifiedAt = CURRENT_TIMESTAMP"
                + " WHERE AssetTag = 'PMP-0001'");
        erp.sql("UPDATE Equipment SET LineId = NULL, ModifiedAt = CURRENT_TIMESTAMP WHERE LineId = 24");
        erp.sql("DELETE FROM ProductionLine WHERE LineId = 24");
        CliRun planned = cli("copy-plan", "--rows-from", "incoming/run-3");
        assertThat(planned.code()).as(planned.toString()).isZero();
        Map<String, Long> copied = erp.copyAll(
                incoming("run-3"), CliRun.oneDocumentOf(planned.out()).path("entities"));
        Files.writeString(
                incoming("run-3").resolve("equipment.json"),
                "{\"EquipmentId\": 9001, \"AssetTag\": \n{\"AssetTag\": \"NO-KEY\", \"Name\": \"keyless\"}\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        assertThat(copied.get("equipment")).isBetween(1L, 299L);

        // when a batch stages the copy
        CliRun run = cli("run", "--rows-from", "incoming/run-3");

        // then the batch is partial (exit 3): the two lines are set aside with their reasons, the rest is synced,
        // and the line missing from a whole copy is deleted
        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(run.out())
                .contains("2 lines of copied rows set aside by reason: {MISSING_KEY=1, UNREADABLE_LINE=1}")
                .contains("result     PARTIAL");
        BatchManifest manifest = latestManifest();
        assertThat(manifest.extract().rowsRejected()).isEqualTo(2);
        assertThat(manifest.extract().rowsByEntity())
                .containsEntry("production-line", 23L)
                .containsEntry("equipment", copied.get("equipment"));
        assertThat(manifest.write().twins().deleted()).isEqualTo(1);
        assertThat(manifest.write().twins().failed()
                        + manifest.write().relationships().failed())
                .isZero();
        assertThat(latestBatch().exists(BatchLayout.rejectsFile("extract"))).isTrue();
        assertThat(cli("twin", "asset-PMP-0001").out()).contains("\"status\" : \"maintenance\"");
    }

    @Test
    @Order(5)
    void aMissingFileStopsTheRunBeforeItMakesABatch() {
        // given a folder where one entity's Copy activity wrote nothing
        erp.copyAll(incoming("run-4"), plan);
        incoming("run-4").resolve("site.json").toFile().delete();
        int batches = staging().listBatches().size();

        // when a batch would stage it
        CliRun run = cli("run", "--rows-from", "incoming/run-4");

        // then the run stops at once, naming the file and what to do, with no stack trace and no batch
        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.err())
                .contains("incoming/run-4/site.json")
                .contains("are not in the staging area")
                .contains("check that they all ran and succeeded")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(staging().listBatches()).hasSize(batches);
    }

    @Test
    @Order(6)
    void aFolderOutsideIncomingIsRefused() {
        CliRun run = cli("run", "--rows-from", "state/targets");

        assertThat(run.code()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--rows-from: 'state/targets' is not a folder below incoming/");
    }

    private static Path incoming(String runId) {
        return home.resolve("staging").resolve("incoming").resolve(runId);
    }

    private static StagingStore staging() {
        return new LocalStagingStore(home.resolve("staging"));
    }

    private static Batch latestBatch() {
        StagingStore staging = staging();
        return staging.openBatch(staging.latestBatch().orElseThrow());
    }

    private BatchManifest latestManifest() {
        return CliRun.latestManifest(home);
    }

    private CliRun cli(String... args) {
        return CliRun.of(cli, args);
    }
}
