package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.azure.storage.blob.BlobContainerClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.twinsync.emulator.AdtEmulator;
import io.twinsync.staging.StagingStores;
import io.twinsync.testsupport.Azurite;
import io.twinsync.testsupport.RequiredService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline of deploy/adf run locally as Data Factory and Azure Batch would run it, so that the definition and the
 * code cannot drift apart: its activities in its order, each Custom activity's command (resolved from the pipeline's
 * parameters, the ForEach item and earlier activities' outputs) run under {@code /bin/sh -c} in a fresh working folder
 * holding its code folder's files (the packaged twinsync.jar; the task zip) and the {@code activity.json},
 * {@code linkedServices.json} and {@code datasets.json} Data Factory would write, with its {@code outputs.json} read
 * back as the activity's {@code customOutput}. Staging is in Blob Storage (Azurite), the target an emulator, the
 * source a sample ERP named by the twinsync.yaml beside twinsync.jar, and the job repository an H2 file both
 * twinsync activities reach; the node's managed identity is stood in for by the Azurite connection string and the
 * emulator's certificate in the tasks' environment. The Copy variant (deploy/adf-copy) runs the same way, its Copy
 * activities simulated: each runs its query on a sample ERP of its own and uploads what a JSON sink would write.
 */
class DataFactoryPipelineIntegrationTests {

    private static final Path TWINSYNC_JAR = Path.of("target", "twinsync.jar").toAbsolutePath();
    private static final Path TASK_ZIP = Path.of("..", "twin-writer-task", "target", "twin-writer-task-linux-x64.zip")
            .toAbsolutePath();
    private static final Pattern SHELL_COMMAND = Pattern.compile("/bin/sh -c '([^']*)'");

    static final Path root = CliRun.newHome("adf-pipeline-").toAbsolutePath();
    private static AdtEmulator emulator;
    private static BlobContainerClient container;

    @BeforeAll
    static void startServices() {
        Azurite.assumeRunning();
        assumeBuilt(TWINSYNC_JAR, "the packaged CLI, built by 'package'");
        assumeBuilt(TASK_ZIP, "the task zip, built by twin-writer-task's 'package' where the JDK has its jmods");
        emulator = AdtEmulator.builder()
                .port(0)
                .tlsDirectory(root.resolve("adt/tls"))
                .start();
        container = Azurite.newContainer("adf-pipeline");
    }

    @AfterAll
    static void stopServices() {
        if (emulator != null) {
            emulator.close();
        }
        if (container != null) {
            container.delete();
        }
    }

    @Test
    void thePipelineWritesEveryPartitionInTwoPhasesRecordsTheBatchAndWarnsOfAPartialOne() throws Exception {
        // given the pipeline, its code folders in "storage" (twinsync.jar with a twinsync.yaml naming the ERP; the
        // task zip), and its parameters pointing at Azurite and the emulator
        AdfDefinitions adf = AdfDefinitions.load();
        Path erpHome = root.resolve("erp");
        TwinsyncProcesses.run(erpHome, Map.of(), "sample-erp", "sql", "SELECT 1");
        Path settings = Files.writeString(
                root.resolve("twinsync.yaml"),
                "twinsync:\n  source:\n    url: \"" + TwinsyncProcesses.sampleErpUrl(erpHome) + "\"\n");
        Map<String, List<Path>> codeFolders = Map.of(
                "code/twinsync/1", List.of(TWINSYNC_JAR, settings),
                "code/writer/1", List.of(TASK_ZIP));
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("adtEndpoint", emulator.endpoint().toString());
        parameters.put("storageServiceEndpoint", Azurite.ACCOUNT_URL);
        parameters.put("stagingContainer", container.getBlobContainerName());
        parameters.put("orchestratorFolderPath", "code/twinsync/1");
        parameters.put("writerFolderPath", "code/writer/1");
        parameters.put(
                "javaCommand",
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        parameters.put("jobsJdbcUrl", "jdbc:h2:file:" + root.resolve("jobs/jobs") + ";AUTO_SERVER=TRUE");
        parameters.put("partitions", 2);
        for (String batchSetting : List.of("batchAccountName", "batchUri", "batchPoolName")) {
            parameters.put(batchSetting, "not-used-locally");
        }
        LocalBatchNode node = new LocalBatchNode(adf, codeFolders, "first-run", emulator);

        // when it runs
        AdfPipelineRunner.Outcome run = new AdfPipelineRunner(node).run(adf.pipeline(), parameters);

        // then every activity ran, in the pipeline's order, and the pipeline succeeded
        assertThat(run.status()).as(run.message()).isEqualTo("Succeeded");
        assertThat(run.ran())
                .containsExactly(
                        "ExtractAndTransform",
                        "WriteTwinsPerPartition",
                        "WriteTwins[0]",
                        "WriteTwins[1]",
                        "WriteRelationshipsPerPartition",
                        "WriteRelationships[0]",
                        "WriteRelationships[1]",
                        "RecordAndArchive",
                        "FailWhenBatchFailed",
                        "ReportResult");
        JsonNode handOff = run.outputs().get("ExtractAndTransform").path("customOutput");
        assertThat(handOff.path("partitions")).hasSize(2);
        String batch = handOff.path("batch").asText();

        // and what the tasks were given is what the partition list holds, plus the phase: nothing dropped, nothing new
        Set<String> listed = new HashSet<>();
        handOff.path("partitions")
                .get(0)
                .path("extendedProperties")
                .fieldNames()
                .forEachRemaining(listed::add);
        listed.add("phase");
        for (String task : List.of("WriteTwins[0]", "WriteRelationships[1]")) {
            JsonNode given = node.activityJson(task).path("typeProperties").path("extendedProperties");
            Set<String> keys = new HashSet<>();
            given.fields().forEachRemaining(field -> {
                if (!field.getValue().isNull()) {
                    keys.add(field.getKey());
                }
            });
            assertThat(keys).as(task).isEqualTo(listed);
        }
        assertThat(node.activityJson("WriteRelationships[1]")
                        .path("typeProperties")
                        .path("extendedProperties")
                        .path("partition")
                        .asText())
                .isEqualTo("2/2");
        assertThat(node.file("WriteTwins[0]", "datasets.json")
                        .path(0)
                        .path("name")
                        .asText())
                .isEqualTo("TwinsyncStagingArea");

        // and the batch was recorded OK and archived, its counts returned, and the graph holds them
        assertThat(run.returnValue().path("batch").asText()).isEqualTo(batch);
        assertThat(run.returnValue().path("result").asText()).isEqualTo("OK");
        assertThat(run.returnValue().path("warning").asText()).isEmpty();
        JsonNode recorded = run.outputs().get("RecordAndArchive").path("customOutput");
        assertThat(recorded.path("exitCode").asInt()).isZero();
        assertThat(recorded.path("location").asText()).contains("/archive/");
        long twinFiles =
                recorded.path("manifest").path("transform").path("twinFiles").asLong();
        assertThat(twinFiles).isPositive();
        assertThat(run.returnValue().path("twins").path("created").asLong()).isEqualTo(twinFiles);
        GraphDump graph = GraphDump.of(
                emulator.endpoint().toString(), emulator.certificatePemFile().orElseThrow());
        assertThat(graph.twins()).hasSize((int) twinFiles);
        assertThat(graph.relationships())
                .hasSize(run.returnValue().path("relationships").path("created").asInt())
                .isNotEmpty();

        // when a row turns invalid in the ERP and the pipeline runs again
        TwinsyncProcesses.sql(
                TwinsyncProcesses.sampleErpUrl(erpHome),
                "UPDATE Equipment SET AssetTag = CONCAT('BAD', CHAR(9), 'TAG'), ModifiedAt = CURRENT_TIMESTAMP"
                        + " WHERE EquipmentId = 2");
        AdfPipelineRunner.Outcome partial = new AdfPipelineRunner(
                        new LocalBatchNode(adf, codeFolders, "second-run", emulator))
                .run(adf.pipeline(), parameters);

        // then the batch is recorded PARTIAL (exit code 3) and the pipeline succeeds, with a warning
        assertThat(partial.status()).as(partial.message()).isEqualTo("Succeeded");
        JsonNode second = partial.outputs().get("RecordAndArchive").path("customOutput");
        assertThat(second.path("exitCode").asInt()).isEqualTo(3);
        assertThat(second.path("batch").asText()).isNotEqualTo(batch);
        assertThat(partial.returnValue().path("result").asText()).isEqualTo("PARTIAL");
        assertThat(partial.returnValue().path("warning").asText())
                .contains(second.path("batch").asText());
        assertThat(partial.ran()).contains("ReportResult").doesNotContain("BatchFailed");
    }

    @Test
    void theCopyVariantStagesWhatItsCopyActivitiesCopiedAndSyncsItWithoutReadingTheErp() throws Exception {
        // given the Copy variant, its code folders (twinsync.yaml names an ERP no one can reach: only the Copy
        // activities read the ERP), a target of its own, and Copy activities simulated: each runs the query
        // twinsync copy-plan (PlanCopies) gave it on a sample ERP and uploads the lines a JSON sink writes
        // (CopyActivitySink) where its sink dataset points
        AdfDefinitions adf = AdfDefinitions.load();
        Path settings = Files.writeString(
                Files.createDirectories(root.resolve("copy")).resolve("twinsync.yaml"),
                "twinsync:\n  source:\n    url: \"jdbc:sqlserver://erp.invalid:1433;databaseName=erp\"\n");
        Map<String, List<Path>> codeFolders = Map.of(
                "code/twinsync/2", List.of(TWINSYNC_JAR, settings),
                "code/writer/1", List.of(TASK_ZIP));
        BlobContainerClient staging = Azurite.newContainer("adf-copy-pipeline");
        try (CopyActivitySink erp = CopyActivitySink.ofNewSampleErp("adf-copy-pipeline");
                AdtEmulator target = AdtEmulator.builder()
                        .port(0)
                        .tlsDirectory(root.resolve("adt-copy/tls"))
                        .start()) {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("adtEndpoint", target.endpoint().toString());
            parameters.put("storageServiceEndpoint", Azurite.ACCOUNT_URL);
            parameters.put("stagingContainer", staging.getBlobContainerName());
            parameters.put("orchestratorFolderPath", "code/twinsync/2");
            parameters.put("writerFolderPath", "code/writer/1");
            parameters.put(
                    "javaCommand",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString());
            parameters.put("jobsJdbcUrl", "jdbc:h2:file:" + root.resolve("copy/jobs/jobs") + ";AUTO_SERVER=TRUE");
            parameters.put("partitions", 2);
            for (String notUsedLocally : List.of(
                    "batchAccountName",
                    "batchUri",
                    "batchPoolName",
                    "erpServer",
                    "erpDatabase",
                    "erpUserName",
                    "erpPasswordSecretName",
                    "keyVaultUri")) {
                parameters.put(notUsedLocally, "not-used-locally");
            }
            List<String> copiedBlobs = new java.util.ArrayList<>();
            AdfPipelineRunner.CopyActivities copyActivity = (activity, runName) -> {
                String query = activity.path("typeProperties")
                        .path("source")
                        .path("sqlReaderQuery")
                        .asText();
                JsonNode sink = activity.path("outputs").path(0).path("parameters");
                assertThat(sink.path("container").asText()).isEqualTo(staging.getBlobContainerName());
                String blob = sink.path("folderPath").asText() + "/"
                        + sink.path("fileName").asText();
                staging.getBlobClient(blob).upload(com.azure.core.util.BinaryData.fromString(erp.lines(query)), true);
                copiedBlobs.add(blob);
            };

            // when it runs
            AdfPipelineRunner.Outcome run = new AdfPipelineRunner(
                            new LocalBatchNode(adf, codeFolders, "copy-run", target), copyActivity)
                    .run(adf.pipeline(AdfDefinitions.SYNC_WITH_COPY), parameters);

            // then every entity was copied into the run's folder, then staged, written and recorded OK
            assertThat(run.status()).as(run.message()).isEqualTo("Succeeded");
            assertThat(copiedBlobs).hasSize(5).allSatisfy(blob -> assertThat(blob)
                    .startsWith("twinsync/incoming/" + run.runId() + "/"));
            assertThat(run.ran())
                    .containsSubsequence(
                            "PlanCopies", "CopyEntity[0]", "CopyEntity[4]", "ExtractAndTransform", "WriteTwins[0]")
                    .containsSubsequence("RecordAndArchive", "FailWhenBatchFailed", "ReportResult");
            assertThat(run.returnValue().path("result").asText()).isEqualTo("OK");
            JsonNode recorded = run.outputs().get("RecordAndArchive").path("customOutput");
            assertThat(recorded.path("manifest")
                            .path("extract")
                            .path("rowsByEntity")
                            .path("equipment")
                            .asLong())
                    .isEqualTo(300);
            long twinFiles = recorded.path("manifest")
                    .path("transform")
                    .path("twinFiles")
                    .asLong();
            assertThat(twinFiles).isEqualTo(347);
            assertThat(run.returnValue().path("twins").path("created").asLong()).isEqualTo(twinFiles);
            GraphDump graph = GraphDump.of(
                    target.endpoint().toString(), target.certificatePemFile().orElseThrow());
            assertThat(graph.twins()).hasSize((int) twinFiles);
        } finally {
            staging.delete();
        }
    }

    private static void assumeBuilt(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            String why = file + " is missing: " + what;
            if (RequiredService.required()) {
                fail(why + " (" + RequiredService.REQUIRE_SERVICES + "=true: CI must run this test)");
            }
            Assumptions.abort(why + "; skipping");
        }
    }

    /**
     * An Azure Batch node as a Custom activity meets it: a fresh working folder per task holding the files of the
     * activity's {@code folderPath} (flattened) and Data Factory's three files, the command line run without a shell
     * (so {@code /bin/sh -c '...'} runs it), {@code AZ_BATCH_TASK_WORKING_DIR} set, and a non-zero exit failing the
     * activity.
     */
    private static final class LocalBatchNode implements AdfPipelineRunner.CustomActivities {

        private final AdfDefinitions adf;
        private final Map<String, List<Path>> codeFolders;
        private final Path tasks;
        private final AdtEmulator target;
        private final ObjectMapper json = new ObjectMapper();

        LocalBatchNode(
                AdfDefinitions adf, Map<String, List<Path>> codeFolders, String pipelineRun, AdtEmulator target) {
            this.adf = adf;
            this.codeFolders = codeFolders;
            this.tasks = root.resolve("batch-node").resolve(pipelineRun);
            this.target = target;
        }

        @Override
        public JsonNode run(JsonNode activity, String runName) throws Exception {
            Path work = Files.createDirectories(tasks.resolve(runName));
            JsonNode type = activity.path("typeProperties");
            List<Path> code = codeFolders.get(type.path("folderPath").asText());
            assertThat(code)
                    .as(runName + ": folderPath " + type.path("folderPath"))
                    .isNotNull();
            for (Path file : code) {
                Files.copy(file, work.resolve(file.getFileName()));
            }
            json.writerWithDefaultPrettyPrinter()
                    .writeValue(work.resolve("activity.json").toFile(), activity);
            ArrayNode linkedServices = json.createArrayNode();
            type.path("referenceObjects")
                    .path("linkedServices")
                    .forEach(reference -> linkedServices.add(adf.linkedServices()
                            .get(reference.path("referenceName").asText())));
            ArrayNode datasets = json.createArrayNode();
            type.path("referenceObjects")
                    .path("datasets")
                    .forEach(reference -> datasets.add(
                            adf.datasets().get(reference.path("referenceName").asText())));
            json.writeValue(work.resolve("linkedServices.json").toFile(), linkedServices);
            json.writeValue(work.resolve("datasets.json").toFile(), datasets);

            String command = type.path("command").asText();
            Matcher shell = SHELL_COMMAND.matcher(command);
            assertThat(shell.matches()).as(runName + ": " + command).isTrue();
            ProcessBuilder task = new ProcessBuilder("/bin/sh", "-c", shell.group(1))
                    .directory(work.toFile())
                    .redirectOutput(work.resolve("stdout.txt").toFile())
                    .redirectError(work.resolve("stderr.txt").toFile());
            Map<String, String> environment = task.environment();
            environment.keySet().removeIf(name -> name.startsWith("TWINSYNC_") || name.startsWith("AZURE_"));
            environment.put("PATH", "/usr/bin:/bin");
            environment.put("AZ_BATCH_TASK_WORKING_DIR", work.toString());
            // the pool's identity, for Azurite and the emulator: a connection string and the emulator's certificate
            environment.put(StagingStores.CONNECTION_STRING_VARIABLE, Azurite.CONNECTION_STRING);
            environment.put(
                    "TWINSYNC_TARGET_TRUST_CERTIFICATE",
                    target.certificatePemFile().orElseThrow().toString());
            Process process = task.start();
            boolean ended = process.waitFor(5, TimeUnit.MINUTES);
            String output = Files.readString(work.resolve("stdout.txt")) + Files.readString(work.resolve("stderr.txt"));
            if (!ended) {
                process.destroyForcibly();
                throw new IllegalStateException(runName + " did not end within 5 minutes:\n" + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(runName + " exited " + process.exitValue() + ":\n" + output);
            }
            Path outputs = work.resolve("outputs.json");
            return Files.exists(outputs) ? json.readTree(outputs.toFile()) : json.createObjectNode();
        }

        JsonNode activityJson(String runName) throws IOException {
            return file(runName, "activity.json");
        }

        JsonNode file(String runName, String name) throws IOException {
            return json.readTree(tasks.resolve(runName).resolve(name).toFile());
        }
    }
}
