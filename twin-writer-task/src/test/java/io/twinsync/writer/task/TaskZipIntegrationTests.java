package io.twinsync.writer.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.azure.storage.blob.BlobContainerClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.AdtEmulator;
import io.twinsync.emulator.tls.TlsMaterialStore;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.StagingStores;
import io.twinsync.staging.blob.BlobStagingStore;
import io.twinsync.staging.blob.BlobStagingUrl;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.testsupport.Azurite;
import io.twinsync.testsupport.RequiredService;
import io.twinsync.writer.support.TestBatches;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged task zip ({@code target/twin-writer-task-linux-x64.zip}, built in {@code package}) run the way Azure
 * Batch runs a Data Factory Custom Activity: the zip and Data Factory's three files in a fresh working directory, a
 * command line run by {@code /bin/sh -c}, no Java on the path but the zip's own, against the emulator.
 */
class TaskZipIntegrationTests {

    private static final Path ZIP = Path.of("target", "twin-writer-task-linux-x64.zip");

    @TempDir
    Path root;

    private AdtEmulator emulator;

    @AfterEach
    void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void theZipRunsUnderShAsADataFactoryActivityWithItsOwnJavaAndWritesTheBatch() throws Exception {
        // given the zip, an emulator and a batch in a staging folder
        assumeZipBuilt();
        emulator = AdtEmulator.builder().port(0).start();
        Batch batch = TestBatches.batch(
                new LocalStagingStore(root.resolve("staging")),
                TestBatches.site("site-1", "pump-1", "pump-2"),
                TestBatches.pump("pump-1", 1200),
                TestBatches.pump("pump-2", 900));

        // when the zip runs as Batch runs it
        Path work = runAsBatchWould(batch.location(), Map.of());

        // then it wrote every twin and relationship, and left its counts in outputs.json
        assertWroteThreeTwinsAndTwoRelationships(work);
    }

    @Test
    void theZipReadsABatchFromBlobStorageSignedInWithTheConnectionStringVariable() throws Exception {
        // given the zip, an emulator and a batch in Blob Storage (Azurite), given by its URL without a SAS
        assumeZipBuilt();
        Azurite.assumeRunning();
        emulator = AdtEmulator.builder().port(0).start();
        BlobContainerClient container = Azurite.newContainer("task-zip");
        try {
            StagingStore staging = BlobStagingStore.connect(
                    BlobStagingUrl.parse(Azurite.ACCOUNT_URL + "/" + container.getBlobContainerName() + "/twinsync"),
                    Optional.of(Azurite.CONNECTION_STRING));
            Batch batch = TestBatches.batch(
                    staging,
                    TestBatches.site("site-1", "pump-1", "pump-2"),
                    TestBatches.pump("pump-1", 1200),
                    TestBatches.pump("pump-2", 900));

            // when the zip runs as Batch runs it, the connection string in the task's environment
            Path work = runAsBatchWould(
                    batch.location(), Map.of(StagingStores.CONNECTION_STRING_VARIABLE, Azurite.CONNECTION_STRING));

            // then it wrote the graph, and its results are in the container, beside the batch
            assertWroteThreeTwinsAndTwoRelationships(work);
            assertThat(staging.openBatch(batch.id()).list(BatchLayout.RESULTS))
                    .contains(BatchLayout.resultsFile("part-1-of-1"));
            assertThat(Files.readString(work.resolve("stderr.txt"))).doesNotContain("AccountKey");
        } finally {
            container.delete();
        }
    }

    private static void assumeZipBuilt() {
        if (!Files.isRegularFile(ZIP)) {
            String why = ZIP.toAbsolutePath() + " was not built: package builds it with jlink, which needs the JDK's"
                    + " jmods folder (" + System.getProperty("java.home") + "/jmods); use a JDK that has it";
            if (RequiredService.required()) {
                fail(why + " (" + RequiredService.REQUIRE_SERVICES + "=true: CI must run this test)");
            }
            Assumptions.abort(why + "; skipping");
        }
    }

    /**
     * Runs the zip as Batch runs a Data Factory activity: unpacked in a fresh working directory with Data Factory's
     * three files, by {@code /bin/sh -c}, without JAVA_HOME, with only {@code extraEnv} besides PATH.
     */
    private Path runAsBatchWould(String batch, Map<String, String> extraEnv) throws Exception {
        Path work = Files.createDirectories(root.resolve("wd"));
        Files.copy(ZIP, work.resolve(ZIP.getFileName()));
        Files.writeString(work.resolve("emulator.pem"), TlsMaterialStore.pem(emulator.certificate()));
        Files.writeString(
                work.resolve("activity.json"),
                """
                {"name": "WriteTwins", "type": "Custom", "typeProperties": {
                  "command": "/bin/sh -c 'unzip -qo twin-writer-task-linux-x64.zip && twin-writer-task/bin/twin-writer-task --adf'",
                  "extendedProperties": {"batch": "%s", "endpoint": "%s", "trustCertificate": "emulator.pem"}}}
                """
                        .formatted(batch, emulator.endpoint()));
        Files.writeString(work.resolve("linkedServices.json"), "[]");
        Files.writeString(work.resolve("datasets.json"), "[]");
        String command = Files.isExecutable(Path.of("/usr/bin/unzip"))
                ? "unzip -qo twin-writer-task-linux-x64.zip && twin-writer-task/bin/twin-writer-task --adf"
                : "twin-writer-task/bin/twin-writer-task --adf"; // unpacked below when this machine has no unzip
        if (!command.startsWith("unzip")) {
            unzipKeepingModes(work.resolve(ZIP.getFileName()), work);
        }
        ProcessBuilder process = new ProcessBuilder("/bin/sh", "-c", command)
                .directory(work.toFile())
                .redirectOutput(work.resolve("stdout.txt").toFile())
                .redirectError(work.resolve("stderr.txt").toFile());
        Map<String, String> env = process.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("AZ_BATCH_TASK_WORKING_DIR", work.toString());
        env.putAll(extraEnv);
        Process task = process.start();
        boolean ended = task.waitFor(3, TimeUnit.MINUTES);
        String stderr = Files.readString(work.resolve("stderr.txt"));
        assertThat(ended)
                .as("the task did not end within 3 minutes; stderr: " + stderr)
                .isTrue();
        assertThat(task.exitValue())
                .as(stderr + Files.readString(work.resolve("stdout.txt")))
                .isZero();
        return work;
    }

    private void assertWroteThreeTwinsAndTwoRelationships(Path work) throws IOException {
        JsonNode outputs =
                StagingJson.mapper().readTree(work.resolve("outputs.json").toFile());
        assertThat(outputs.path("twins").path("created").asLong()).isEqualTo(3);
        assertThat(outputs.path("relationships").path("created").asLong()).isEqualTo(2);
        assertThat(emulator.stats().count("twins.put")).isEqualTo(3);
        // and it ran on the zip's own runtime, logging through the zip's configuration
        assertThat(Files.readString(work.resolve("stderr.txt")))
                .doesNotContain("SLF4J")
                .contains("Data Factory activity 'WriteTwins'");
    }

    /** What unzip does with this zip, for machines without it: files, and the execute bits the zip records. */
    private static void unzipKeepingModes(Path zip, Path into) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = into.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                String name = entry.getName();
                if (name.contains("/bin/") || name.endsWith("/jspawnhelper")) {
                    target.toFile().setExecutable(true);
                }
            }
        }
    }
}
