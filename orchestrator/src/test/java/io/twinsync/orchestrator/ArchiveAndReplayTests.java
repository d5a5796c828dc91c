package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.models.IncomingRelationship;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.orchestrator.cli.ExitCode;
import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.LockHolder;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.StateLock;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.BatchManifest;
import io.twinsync.staging.manifest.BatchManifests;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
 * Archive and replay through the CLI, in process against the embedded emulator: a run's batch moves to the archive
 * once done; {@code replay} writes an archived batch again without rolling back what a newer batch wrote, and
 * {@code replay --failed-only} writes only what failed, once the cause is fixed, without moving the watermarks. The
 * steps build on each other, so they run in order against one home folder.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArchiveAndReplayTests {

    static final Path home = CliRun.newHome("archive-replay-");

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
    }

    @Autowired
    TwinsyncCommandLine cli;

    @Autowired
    TwinGraphTarget target;

    private final StagingStore staging = new LocalStagingStore(home.resolve("staging"));

    private BatchId first;

    @Test
    @Order(1)
    void aCompletedRunsBatchMovesToTheArchiveAndIsStillListedAndRead() {
        // when a first run completes
        CliRun run = CliRun.of(cli, "run");

        // then its batch is in the archive, whole, and no longer in batches/
        assertThat(run.code()).as(run.toString()).isZero();
        first = staging.latestBatch().orElseThrow();
        assertThat(home.resolve("staging/archive").resolve(first.value()).resolve(BatchLayout.ARCHIVED))
                .isRegularFile();
        assertThat(home.resolve("staging/batches").resolve(first.value())).doesNotExist();
        assertThat(BatchManifests.read(staging.openBatch(first)).write().twins().created())
                .isGreaterThan(300);
        CliRun status = CliRun.of(cli, "status");
        assertThat(status.out().lines().filter(line -> line.contains(first.value())))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("  OK  ").endsWith("; archived"));
    }

    @Test
    @Order(2)
    void aRunWithoutWritingStaysInBatchesForImportFile() {
        CliRun run = CliRun.of(cli, "run", "--no-write");

        assertThat(run.code()).as(run.toString()).isZero();
        BatchId noWrite = staging.latestBatch().orElseThrow();
        assertThat(staging.archivedBatches()).doesNotContain(noWrite);
        assertThat(home.resolve("staging/batches").resolve(noWrite.value())).isDirectory();
    }

    @Test
    @Order(3)
    void replayingAnOlderBatchDoesNotRollBackATwinANewerBatchWrote() throws IOException {
        // given a newer batch that changed one pump
        sql("UPDATE Equipment SET Status = 'Maintenance', ModifiedAt = CURRENT_TIMESTAMP WHERE AssetTag = 'PMP-0001'");
        assertThat(CliRun.of(cli, "run").code()).isZero();

        // when the first batch, archived, is replayed
        CliRun replay = CliRun.of(cli, "replay", first.value());

        // then the pump keeps the newer status, its line says why, and the rest is unchanged: nothing failed
        assertThat(replay.code()).as(replay.toString()).isZero();
        assertThat(replay.out())
                .contains("a replay of " + first.value())
                .contains("twins skipped: a newer batch applied them since")
                .contains("result     OK");
        assertThat(twin("asset-PMP-0001").path("status").asText()).isEqualTo("maintenance");
        BatchId replayId = staging.latestBatch().orElseThrow();
        BatchManifest manifest = BatchManifests.read(staging.openBatch(replayId));
        assertThat(manifest.replayOf()).isEqualTo(first.value());
        assertThat(manifest.extract()).isNull();
        assertThat(manifest.write().twins().skipped())
                .as("the pump alone: the twins the newer batch found unchanged hold the same data, so they count as"
                        + " unchanged")
                .isEqualTo(1);
        assertThat(manifest.write().twins().failed()).isZero();
        JsonNode pump = results(replayId).stream()
                .filter(line -> line.path("id").asText().equals("asset-PMP-0001"))
                .findFirst()
                .orElseThrow();
        assertThat(pump.path("action").asText()).isEqualTo("skipped");
        assertThat(pump.path("errorCode").asText()).isEqualTo("NewerStateApplied");
        // and the replay itself is archived, and listed as a replay
        assertThat(staging.archivedBatches()).contains(replayId);
        assertThat(CliRun.of(cli, "status").out()).contains(replayId.value() + "  OK  replay of " + first.value());
    }

    @Test
    @Order(4)
    void replayingOnlyWhatFailedAppliesItOnceTheCauseIsFixedAndMovesNoWatermark() {
        // given a line twin deleted in ADT by other means, and a pump moved onto that line in the ERP
        DigitalTwinsClient adt = target.client();
        ObjectNode line = deleteTwinWithItsRelationships(adt, "line-RTM-L02");
        sql("UPDATE Equipment SET LineId = 2, ModifiedAt = CURRENT_TIMESTAMP WHERE AssetTag = 'PMP-0001'");
        // and a run whose relationship from the pump to the line fails
        CliRun failing = CliRun.of(cli, "run");
        assertThat(failing.code()).as(failing.toString()).isEqualTo(ExitCode.PARTIAL.code());
        BatchId failed = staging.latestBatch().orElseThrow();
        // and the line put back by other means
        adt.createOrReplaceDigitalTwin("line-RTM-L02", line, Object.class);

        // when only what failed is replayed
        CliRun replay = CliRun.of(cli, "replay", failed.value(), "--failed-only");

        // then the pump's file alone is written again, and its relationship to the line is made
        assertThat(replay.code()).as(replay.toString()).isZero();
        assertThat(replay.out()).contains("replays    1 twin files").contains("result     OK");
        BatchManifest manifest =
                BatchManifests.read(staging.openBatch(staging.latestBatch().orElseThrow()));
        assertThat(manifest.write().relationships().created()).isEqualTo(1);
        assertThat(CliRun.of(cli, "twin", "asset-PMP-0001", "--relationships").out())
                .contains("installedOn-line-RTM-L02");

        // and the next run reads the pump's row again: neither the failed batch nor the replay moved the watermark
        CliRun next = CliRun.of(cli, "run");
        assertThat(next.code()).as(next.toString()).isZero();
        assertThat(CliRun.latestManifest(home).extract().rowsByEntity()).containsEntry("equipment", 1L);
    }

    @Test
    @Order(5)
    void aReplayWhileARunHoldsTheTargetStopsWithExitCodeFour() {
        LockHolder other = new LockHolder("build-7", 4242, "20261207T060000000Z-ab12cd", Instant.now());
        try (StateLock held = staging.state().lock("writer/" + target.stateKey() + "/run.lock", other)) {
            CliRun replay = CliRun.of(cli, "replay", first.value());

            assertThat(replay.code()).as(replay.toString()).isEqualTo(ExitCode.LOCKED.code());
            assertThat(replay.err())
                    .contains("Another twinsync run holds the target")
                    .contains("pid 4242");
        }
    }

    @Test
    @Order(6)
    void replayingWhatDidNotFailOrABatchThatIsNotThereSaysSo() {
        CliRun nothing = CliRun.of(cli, "replay", first.value(), "--failed-only");
        assertThat(nothing.code()).as(nothing.toString()).isZero();
        assertThat(nothing.out()).contains("Nothing to replay").contains("no batch was made");

        CliRun missing = CliRun.of(cli, "replay", "20200101T000000000Z-aaaaaa");
        assertThat(missing.code()).isEqualTo(ExitCode.FAILED.code());
        assertThat(missing.err())
                .contains("No batch 20200101T000000000Z-aaaaaa")
                .contains("twinsync batches");

        CliRun wrong = CliRun.of(cli, "replay", "yesterday");
        assertThat(wrong.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(wrong.err()).contains("is not a batch id");
    }

    private void sql(String statement) {
        CliRun update = CliRun.of(cli, "sample-erp", "sql", statement);
        assertThat(update.code()).as(update.toString()).isZero();
    }

    private JsonNode twin(String id) throws IOException {
        return StagingJson.mapper().readTree(CliRun.of(cli, "twin", id).out());
    }

    /** Deletes a twin as someone else would: its relationships first, as ADT asks. Returns it as it was. */
    private static ObjectNode deleteTwinWithItsRelationships(DigitalTwinsClient adt, String id) {
        ObjectNode twin;
        try {
            twin = (ObjectNode) StagingJson.mapper().readTree(adt.getDigitalTwin(id, String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (IncomingRelationship incoming : adt.listIncomingRelationships(id)) {
            adt.deleteRelationship(incoming.getSourceId(), incoming.getRelationshipId());
        }
        for (BasicRelationship outgoing : adt.listRelationships(id, BasicRelationship.class)) {
            adt.deleteRelationship(id, outgoing.getId());
        }
        adt.deleteDigitalTwin(id);
        twin.remove("$etag");
        String model = twin.path("$metadata").path("$model").asText();
        twin.putObject("$metadata").put("$model", model);
        return twin;
    }

    private List<JsonNode> results(BatchId id) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        var batch = staging.openBatch(id);
        for (String file : batch.list(BatchLayout.RESULTS)) {
            if (!file.endsWith(".ndjson")) {
                continue;
            }
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(batch.open(file), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(StagingJson.mapper().readTree(line));
                }
            }
        }
        return lines;
    }
}
