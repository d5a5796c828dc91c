package io.twinsync.writer.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.AdtEmulator;
import io.twinsync.emulator.tls.TlsMaterialStore;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.BatchManifests;
import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.writer.support.TestBatches;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task's command line against the ADT emulator. */
class TwinWriterTaskEmulatorTests {

    @TempDir
    Path root;

    private AdtEmulator emulator;
    private Path pem;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startEmulator() throws Exception {
        emulator = AdtEmulator.builder().port(0).start();
        pem = root.resolve("emulator.pem");
        Files.writeString(pem, TlsMaterialStore.pem(emulator.certificate()));
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void writesTheBatchRecordsTheSummaryInTheManifestAndExitsWithZero() {
        // given
        Batch batch = TestBatches.batch(
                new LocalStagingStore(root.resolve("staging")),
                TestBatches.site("site-1", "pump-1"),
                TestBatches.pump("pump-1", 1200));

        // when
        int code = run(batch, "1/1");

        // then
        assertThat(code).as(err.toString()).isZero();
        assertThat(BatchManifests.read(batch).write().twins()).isEqualTo(new OutcomeCounts(2, 0, 0, 0, 0));
        assertThat(out.toString()).contains("twins:").contains("created 2");
        assertThat(root.resolve("staging/state/writer/" + "localhost-"
                        + emulator.endpoint().getPort() + "/known-twins.ndjson"))
                .exists();
    }

    @Test
    void exitsWithThreeAndListsTheFailuresWhenARelationshipFails() {
        // given
        Batch batch =
                TestBatches.batch(new LocalStagingStore(root.resolve("staging")), TestBatches.site("site-1", "pump-9"));

        // when
        int code = run(batch, "1/1");

        // then
        assertThat(code).isEqualTo(3);
        assertThat(out.toString()).contains("failed: relationship site-1-contains-pump-9 TargetTwinNotFound");
    }

    @Test
    void writesAPartitionSummaryBesideItsResultsInsteadOfTheManifest() {
        // given
        Batch batch = TestBatches.batch(new LocalStagingStore(root.resolve("staging")), TestBatches.pump("pump-1", 1));

        // when
        int code = run(batch, "1/2");

        // then
        assertThat(code).as(err.toString()).isZero();
        assertThat(batch.exists(BatchLayout.RESULTS + "part-1-of-2.summary.json"))
                .isTrue();
        assertThat(batch.exists(BatchLayout.MANIFEST)).isFalse();
    }

    @Test
    void asADataFactoryActivityItReadsItsSettingsFromActivityJsonAndWritesOutputsJson() throws Exception {
        // given a working directory as Data Factory prepares it, its settings in extendedProperties
        Batch batch = TestBatches.batch(
                new LocalStagingStore(root.resolve("staging")),
                TestBatches.site("site-1", "pump-1"),
                TestBatches.pump("pump-1", 1200));
        Path work = Files.createDirectories(root.resolve("wd"));
        Files.copy(pem, work.resolve("emulator.pem"));
        Files.writeString(
                work.resolve("activity.json"),
                """
                {"name": "WriteTwins", "type": "Custom", "typeProperties": {"command": "sh -c ...",
                  "extendedProperties": {"batch": "%s", "endpoint": "%s", "partition": "1/1", "rateShare": "1/2",
                    "concurrency": "16", "limits": {"patches": 2000}, "throttleBudget": "5m",
                    "unreachableAfter": "30s", "trustCertificate": "emulator.pem"}}}
                """
                        .formatted(batch.location(), emulator.endpoint()));
        Files.writeString(work.resolve("linkedServices.json"), "[{\"name\": \"BatchPool\", \"properties\": {}}]");
        Files.writeString(work.resolve("datasets.json"), "[]");

        // when the task runs with --adf in it
        int code = TwinWriterTaskMain.run(
                new String[] {"--adf", work.toString()}, new PrintWriter(out), new PrintWriter(err));

        // then it wrote the batch and left its counts for the pipeline in outputs.json
        assertThat(code).as(err.toString()).isZero();
        JsonNode outputs =
                StagingJson.mapper().readTree(work.resolve("outputs.json").toFile());
        assertThat(outputs.path("exitCode").asInt()).isZero();
        assertThat(outputs.path("batch").asText()).isEqualTo(batch.id().value());
        assertThat(outputs.path("twins").path("created").asLong()).isEqualTo(2);
        assertThat(outputs.path("relationships").path("created").asLong()).isEqualTo(1);
        assertThat(outputs.path("results").asText()).isEqualTo("results/part-1-of-1.ndjson");
        assertThat(BatchManifests.read(batch).write().twins().created()).isEqualTo(2);
    }

    @Test
    void asADataFactoryActivityAMissingSettingFailsWithExitOneAndTheReasonInOutputsJson() throws Exception {
        // given an activity.json without the endpoint, and a typo among its settings
        Path work = Files.createDirectories(root.resolve("wd"));
        Files.writeString(
                work.resolve("activity.json"),
                """
                {"typeProperties": {"extendedProperties": {"batch": "staging/batches/x"}}}
                """);

        // when the task runs with --adf in it
        int code = TwinWriterTaskMain.run(
                new String[] {"--adf", work.toString()}, new PrintWriter(out), new PrintWriter(err));

        // then it could not run, said why on stderr and in outputs.json
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("lacks 'endpoint'");
        JsonNode outputs =
                StagingJson.mapper().readTree(work.resolve("outputs.json").toFile());
        assertThat(outputs.path("exitCode").asInt()).isEqualTo(1);
        assertThat(outputs.path("error").asText()).contains("lacks 'endpoint'");
    }

    @Test
    void asADataFactoryActivityUnknownSettingsAndCommandLineOptionsAreRefused() throws Exception {
        // given extendedProperties with a misspelt setting
        Path work = Files.createDirectories(root.resolve("wd"));
        Files.writeString(
                work.resolve("activity.json"),
                """
                {"typeProperties": {"extendedProperties": {"batch": "b", "endpoint": "https://x", "partiton": "1/2"}}}
                """);

        // when the task runs with it, and then with an option beside --adf
        int typo = TwinWriterTaskMain.run(
                new String[] {"--adf", work.toString()}, new PrintWriter(out), new PrintWriter(err));
        int mixed = TwinWriterTaskMain.run(
                new String[] {"--adf", work.toString(), "--concurrency", "4"},
                new PrintWriter(out),
                new PrintWriter(err));

        // then both are refused, naming what is wrong
        assertThat(typo).isEqualTo(1);
        assertThat(mixed).isEqualTo(1);
        assertThat(err.toString()).contains("unknown settings [partiton]").contains("remove [--concurrency]");
        // and outputs.json says so to the pipeline
        JsonNode outputs =
                StagingJson.mapper().readTree(work.resolve("outputs.json").toFile());
        assertThat(outputs.path("exitCode").asInt()).isEqualTo(1);
        assertThat(outputs.path("error").asText()).contains("remove [--concurrency]");
    }

    @Test
    void writesTheTwinAndTheRelationshipPhaseAsTwoCommandsKeepingTheStateUnderTheTargetKeyItIsGiven() {
        // given
        Batch batch = TestBatches.batch(
                new LocalStagingStore(root.resolve("staging")),
                TestBatches.site("site-1", "pump-1"),
                TestBatches.pump("pump-1", 1200));

        // when the twin phase and then the relationship phase run, as two tasks
        int twins = run(batch, "1/1", "--phase", "twins", "--target-key", "plant-twins");
        int relationships = run(batch, "1/1", "--phase", "relationships", "--target-key", "plant-twins");

        // then each wrote its part, with its own results and summary, and the state is under the key given
        assertThat(twins).as(err.toString()).isZero();
        assertThat(relationships).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("partition 1/1 (twins)")
                .contains("partition 1/1 (relationships)")
                .contains("results/part-1-of-1.relationships.ndjson");
        assertThat(batch.exists(BatchLayout.RESULTS + "part-1-of-1.twins.summary.json"))
                .isTrue();
        assertThat(batch.exists(BatchLayout.RESULTS + "part-1-of-1.relationships.summary.json"))
                .isTrue();
        assertThat(emulator.stats().count("relationships.put")).isEqualTo(1);
        assertThat(root.resolve("staging/state/writer/plant-twins/known-twins.ndjson"))
                .exists();
    }

    @Test
    void refusesATargetKeyThatIsNotAPlainName() {
        Batch batch = TestBatches.batch(new LocalStagingStore(root.resolve("staging")), TestBatches.pump("pump-1", 1));

        int code = run(batch, "1/1", "--target-key", "../elsewhere");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("The target key '../elsewhere' is not a plain name");
        assertThat(emulator.stats().total()).isZero();
    }

    private int run(Batch batch, String partition, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--batch", batch.location(),
                "--endpoint", emulator.endpoint().toString(),
                "--trust-certificate", pem.toString(),
                "--partition", partition));
        args.addAll(List.of(more));
        return TwinWriterTaskMain.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    }
}
