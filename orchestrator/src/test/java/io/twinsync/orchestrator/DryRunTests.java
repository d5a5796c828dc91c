package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.orchestrator.cli.DryRun;
import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.BatchManifest;
import java.io.InputStream;
import java.nio.file.Path;
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
 * {@code run --dry-run} through the CLI, on the sample ERP with a watermark on every entity: the plan says what the
 * write would do, nothing is written or recorded, and the run that follows does what the plan said.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DryRunTests {

    static final Path home = IncrementalSyncTests.incrementalHome("dry-run-");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
        registry.add(
                "twinsync.mapping", () -> home.resolve("mapping/mapping.yaml").toString());
    }

    @Autowired
    TwinsyncCommandLine cli;

    private long plannedCreates;

    @Test
    @Order(1)
    void aDryRunOfAFirstLoadPlansEveryTwinExitsFiveAndWritesNothing() throws Exception {
        CliRun run = cli("run", "--dry-run");

        assertThat(run.code()).as(run.toString()).isEqualTo(5);
        assertThat(run.out())
                .contains("347 to create, 0 to patch, 0 to delete, 0 unchanged")
                .contains("+ model         dtmi:")
                .contains("+ twin ")
                .contains("+ relationship ")
                .contains("plan file  ")
                .contains("result     CHANGES (dry run: nothing was written)");
        JsonNode plan = planFile();
        assertThat(plan.path("twins")).hasSize(347);
        plannedCreates = plan.path("relationshipCounts").path("created").asLong();
        assertThat(plannedCreates).isPositive();
        assertThat(cli("twin", "asset-PMP-0001").code()).isNotZero();
        assertThat(cli("status").out()).contains("dry run, not written");
    }

    @Test
    @Order(2)
    void theRunAfterADryRunReadsTheSameRowsAndWritesWhatThePlanSaid() {
        CliRun run = cli("run");

        assertThat(run.code()).as(run.toString()).isZero();
        BatchManifest manifest = CliRun.latestManifest(home);
        assertThat(manifest.extract().totalRows()).isEqualTo(347);
        assertThat(manifest.write().twins().created()).isEqualTo(347);
        assertThat(manifest.write().relationships().created()).isEqualTo(plannedCreates);
    }

    @Test
    @Order(3)
    void aDryRunWithNothingToWriteExitsZero() {
        CliRun run = cli("run", "--dry-run");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("result     NO_CHANGES");
    }

    @Test
    @Order(4)
    void aChangedRowIsPlannedAsAPatchWithTheOldAndNewValueAndLeftUnwritten() throws Exception {
        // given one equipment row changed, as an ERP would change it
        String before = CliRun.oneDocumentOf(cli("twin", "asset-PMP-0001").out())
                .path("status")
                .asText();
        cli(
                "sample-erp",
                "sql",
                "UPDATE Equipment SET Status = 'Idle', ModifiedAt = '2026-02-01 10:00:00' WHERE AssetTag = 'PMP-0001'");

        // when its batch is planned, for a pipeline
        CliRun run = cli("run", "--dry-run", "--output", "json");

        // then the one change is a patch of its status, old and new, and the twin is as it was
        assertThat(run.code()).as(run.toString()).isEqualTo(5);
        JsonNode document = CliRun.oneDocumentOf(run.out());
        assertThat(document.path("result").asText()).isEqualTo(DryRun.CHANGES);
        assertThat(document.path("exitCode").asInt()).isEqualTo(5);
        JsonNode twins = document.path("plan").path("twins");
        assertThat(twins).hasSize(1);
        assertThat(twins.get(0).path("action").asText()).isEqualTo("PATCH");
        assertThat(twins.get(0).path("twinId").asText()).isEqualTo("asset-PMP-0001");
        assertThat(twins.get(0).path("entity").asText()).isEqualTo("equipment");
        JsonNode change = twins.get(0).path("changes").get(0);
        assertThat(change.path("path").asText()).isEqualTo("/status");
        assertThat(change.path("before").asText()).isEqualTo(before).isNotEqualTo("idle");
        assertThat(change.path("after").asText()).isEqualTo("idle");
        assertThat(document.path("plan").path("relationships")).isEmpty();
        assertThat(CliRun.oneDocumentOf(cli("twin", "asset-PMP-0001").out())
                        .path("status")
                        .asText())
                .isEqualTo(before);

        // and the next run still sees the row (the dry run moved no watermark) and patches it
        CliRun written = cli("run");
        assertThat(written.code()).as(written.toString()).isZero();
        assertThat(CliRun.latestManifest(home).write().twins().patched()).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aDryRunThatWouldNotPlanIsAUsageError() {
        CliRun run = cli("run", "--dry-run", "--no-write");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--dry-run plans the write without making it");
    }

    private JsonNode planFile() throws Exception {
        StagingStore staging = new LocalStagingStore(home.resolve("staging"));
        try (InputStream in =
                staging.openBatch(staging.latestBatch().orElseThrow()).open(DryRun.FILE)) {
            return StagingJson.mapper().readTree(in);
        }
    }

    private CliRun cli(String... args) {
        return CliRun.of(cli, args);
    }
}
