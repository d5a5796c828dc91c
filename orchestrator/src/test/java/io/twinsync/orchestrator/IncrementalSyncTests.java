package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.staging.manifest.BatchManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * Incremental batches: the sample mapping with a {@code ModifiedAt} watermark on every entity reads everything once,
 * then only rows changed since the last written batch.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalSyncTests {

    private static final String SAMPLE = "io/twinsync/sample/twins/";
    static final Path home = incrementalHome("incremental-");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
        registry.add(
                "twinsync.mapping", () -> home.resolve("mapping/mapping.yaml").toString());
    }

    @Autowired
    TwinsyncCommandLine cli;

    @Test
    @Order(1)
    void theFirstBatchReadsEveryRow() {
        CliRun run = cli("run");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(latestManifest().extract().totalRows()).isEqualTo(347);
        assertThat(latestManifest().write().twins().created()).isEqualTo(347);
    }

    @Test
    @Order(2)
    void aBatchWithNoChangesReadsNoRows() {
        CliRun run = cli("run");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(latestManifest().extract().totalRows()).isZero();
    }

    @Test
    @Order(3)
    void aChangedRowIsTheOnlyOneReadAndPatched() {
        // given one equipment row changed, with its modification time moved on as an ERP would
        cli(
                "sample-erp",
                "sql",
                "UPDATE Equipment SET Status = 'Idle', ModifiedAt = '2026-02-01 10:00:00' WHERE AssetTag = 'PMP-0001'");

        // when the next batch runs
        CliRun run = cli("run");

        // then only that row is extracted, and only its twin is patched
        assertThat(run.code()).as(run.toString()).isZero();
        BatchManifest manifest = latestManifest();
        assertThat(manifest.extract().rowsByEntity()).containsEntry("equipment", 1L);
        assertThat(manifest.extract().totalRows()).isEqualTo(1);
        assertThat(manifest.write().twins().patched()).isEqualTo(1);
        assertThat(cli("twin", "asset-PMP-0001").out()).contains("\"status\" : \"idle\"");
    }

    private BatchManifest latestManifest() {
        return CliRun.latestManifest(home);
    }

    private CliRun cli(String... args) {
        return CliRun.of(cli, args);
    }

    /** A new home with a copy of the sample mapping and its models, with a ModifiedAt watermark on every entity. */
    static Path incrementalHome(String prefix) {
        try {
            Path home = Files.createTempDirectory(Path.of("target"), prefix);
            Path mappingDir = Files.createDirectories(home.resolve("mapping/models"));
            // Every entity incremental: equipment already is; the lines' deletion by absence needs a full read.
            String mapping = read(SAMPLE + "mapping.yaml")
                    .replaceAll("(?m)^(\\s+)watermark: .*\n", "")
                    .replaceAll("(?m)^\\s+deleted:\n\\s+missing: true\n", "")
                    .replaceAll("(?m)^(\\s+)key: (.*)$", "$1key: $2\n$1watermark: ModifiedAt");
            Files.writeString(mappingDir.resolveSibling("mapping.yaml"), mapping);
            for (String model : List.of(
                    "Space", "Site", "Building", "ProductionLine", "Nameplate", "Asset", "Equipment", "CostCenter")) {
                Files.writeString(mappingDir.resolve(model + ".json"), read(SAMPLE + "models/" + model + ".json"));
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = IncrementalSyncTests.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
