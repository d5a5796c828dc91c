package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.AdtEmulator;
import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.orchestrator.job.DataFactoryHandOff;
import io.twinsync.orchestrator.job.SyncJobConfiguration;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.StagingStores;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.BatchManifest;
import io.twinsync.staging.manifest.BatchManifests;
import io.twinsync.testsupport.Azurite;
import io.twinsync.writer.task.TwinWriterTaskMain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code data-factory} back-end, as a pipeline meets it: twinsync in process with its staging area in Blob Storage
 * (Azurite, signed with a SAS) and an emulator of its own (a pipeline's tasks reach neither a local folder nor the
 * embedded emulator). The run stops after the transform with the partition list; nothing else may write the target
 * until the batch is recorded; the twin-writer-task, each a process of its own started from a list item's
 * settings in {@code activity.json} as a Custom activity is, and signed in to the staging area by the SAS in its
 * environment, writes the graph; and {@code run --resume} collects what the tasks recorded, commits the sync state
 * and archives the batch.
 */
@SpringBootTest
class DataFactoryHandOffIntegrationTests {

    static final Path home = CliRun.newHome("data-factory-");
    static final AdtEmulator emulator = AdtEmulator.builder()
            .port(0)
            .tlsDirectory(home.resolve("standalone-adt/tls"))
            .start();
    private static BlobContainerClient container;
    private static String sas;

    @BeforeAll
    static void createContainer() {
        Azurite.assumeRunning();
        container = Azurite.newContainer("data-factory");
        sas = Azurite.sas(container);
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
        registry.add(
                "twinsync.staging",
                () -> Azurite.ACCOUNT_URL + "/" + container.getBlobContainerName() + "/twinsync?" + sas);
        registry.add("twinsync.target.endpoint", () -> emulator.endpoint().toString());
        registry.add(
                "twinsync.target.trust-certificate",
                () -> emulator.certificatePemFile().orElseThrow().toString());
        registry.add("twinsync.writer.backend", () -> "data-factory");
    }

    @Autowired
    TwinsyncCommandLine cli;

    @Autowired
    StagingStore staging;

    @Autowired
    JobRepository jobs;

    @AfterAll
    static void stopEmulatorAndDeleteContainer() {
        emulator.close();
        if (container != null) {
            container.delete();
        }
    }

    @Test
    void aHandedOffBatchIsWrittenByItsTasksAndRecordedByTheResume() throws Exception {
        // when a batch runs with the data-factory back-end
        CliRun handedOff = CliRun.of(cli, "run", "--partitions", "2");

        // then it stops after the transform, with exit code 0 (so the pipeline goes on), the partition list in the
        // batch, and nothing written
        assertThat(handedOff.code()).as(handedOff.toString()).isZero();
        BatchId batch = staging.latestBatch().orElseThrow();
        assertThat(handedOff.out())
                .contains("handed off 2 partitions to Data Factory")
                .contains("result     HANDED_OFF")
                .contains("'twinsync run --resume " + batch + "'");
        BatchManifest manifest = BatchManifests.read(staging.openBatch(batch));
        assertThat(manifest.write()).isNull();
        JsonNode list = partitionList(batch);
        assertThat(list.path("partitionCount").asInt()).isEqualTo(2);
        assertThat(list.path("partitions")).hasSize(2);
        assertThat(list.path("partitions").get(0).path("twinFiles").asLong()
                        + list.path("partitions").get(1).path("twinFiles").asLong())
                .isEqualTo(manifest.transform().twinFiles());
        assertThat(list.path("partitions")
                        .get(1)
                        .path("extendedProperties")
                        .path("partition")
                        .asText())
                .isEqualTo("2/2");
        assertThat(graph().twins()).isEmpty();
        JobInstance instance = jobs.getJobInstance(
                SyncJobConfiguration.JOB_NAME,
                new JobParametersBuilder()
                        .addString(SyncJobConfiguration.BATCH_ID, batch.value())
                        .toJobParameters());
        assertThat(jobs.getLastJobExecution(instance).getStatus()).isEqualTo(BatchStatus.STOPPED);

        // and status says it waits for Data Factory, and no new batch or replay may write the target meanwhile
        assertThat(CliRun.of(cli, "status").out()).contains(batch.value()).contains("HANDED_OFF");
        CliRun another = CliRun.of(cli, "run");
        assertThat(another.code()).as(another.toString()).isEqualTo(4);
        assertThat(another.err())
                .contains("Batch " + batch + " was handed to Data Factory")
                .contains("'twinsync run --resume " + batch + "'");
        assertThat(staging.latestBatch()).contains(batch);

        // when the batch is resumed before the pipeline's tasks ran
        CliRun early = CliRun.of(cli, "run", "--resume");

        // then it fails, naming what is missing, writes nothing itself, and still holds the target
        assertThat(early.code()).as(early.toString()).isEqualTo(1);
        assertThat(early.err()).contains("Partition 1/2 has no twins results: its Data Factory task did not run");
        assertThat(graph().twins()).isEmpty();
        assertThat(CliRun.of(cli, "run").code()).isEqualTo(4);

        // when the tasks run as the pipeline runs them: every partition's twins, then every partition's relationships
        for (String phase : List.of("twins", "relationships")) {
            for (JsonNode partition : list.path("partitions")) {
                runActivity(partition, phase);
            }
        }
        // and the partition list, and what the tasks were given, hold no SAS
        String signature = sas.replaceAll(".*sig=([^&]+).*", "$1");
        assertThat(list.toString()).doesNotContain(signature);

        // and the batch is resumed
        CliRun resumed = CliRun.of(cli, "run", "--resume");

        // then it collects the tasks' counts without writing or reading the source again, and ends OK, archived
        assertThat(resumed.code()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("result     OK");
        assertThat(jobs.getStepExecutionCount(instance, "extract")).isEqualTo(1);
        assertThat(jobs.getLastJobExecution(instance).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        BatchManifest recorded = BatchManifests.read(staging.openBatch(batch));
        assertThat(recorded.write().twins().created())
                .isEqualTo(recorded.transform().twinFiles());
        assertThat(recorded.write().relationships().created())
                .isEqualTo(recorded.transform().relationships());
        assertThat(staging.archivedBatches()).contains(batch);
        GraphDump graph = graph();
        assertThat(graph.twins()).hasSize((int) recorded.transform().twinFiles());
        assertThat(graph.relationships()).hasSize((int) recorded.transform().relationships());

        // and the tasks' known state is the graph's: no drift, and the target is free again
        CliRun drift = CliRun.of(cli, "drift");
        assertThat(drift.code()).as(drift.toString()).isZero();
        CliRun next = CliRun.of(cli, "run");
        assertThat(next.code()).as(next.toString()).isZero();
        assertThat(next.out()).contains("result     HANDED_OFF");
    }

    /**
     * Runs the task as a Custom activity of the pipeline runs it: a process of its own in a working folder with the
     * list item's settings and the phase in activity.json, signed in to the staging area by the SAS in its environment.
     */
    private static void runActivity(JsonNode partition, String phase) throws Exception {
        Path dir = home.toAbsolutePath()
                .resolve("adf")
                .resolve(partition.path("name").asText() + "." + phase);
        Files.createDirectories(dir);
        ObjectNode activity = StagingJson.mapper().createObjectNode();
        activity.put("name", "write-" + phase);
        activity.put("type", "Custom");
        ObjectNode extended = partition.path("extendedProperties").deepCopy();
        extended.put("phase", phase);
        activity.putObject("typeProperties").set("extendedProperties", extended);
        StagingJson.mapper().writeValue(dir.resolve("activity.json").toFile(), activity);
        Files.writeString(dir.resolve("linkedServices.json"), "[]");
        Files.writeString(dir.resolve("datasets.json"), "[]");
        ProcessBuilder task = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        classpath(),
                        TwinWriterTaskMain.class.getName(),
                        "--adf",
                        dir.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile());
        task.environment().put(StagingStores.SAS_VARIABLE, sas);
        task.environment().remove(StagingStores.CONNECTION_STRING_VARIABLE);
        Process process = task.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue())
                .as(Files.readString(dir.resolve("output.txt")))
                .isZero();
        assertThat(StagingJson.mapper()
                        .readTree(dir.resolve("outputs.json").toFile())
                        .path("exitCode")
                        .asInt())
                .isZero();
    }

    /** This JVM's classpath with absolute entries: the task runs in its own working folder. */
    private static String classpath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private JsonNode partitionList(BatchId batch) throws IOException {
        try (InputStream in = staging.openBatch(batch).open(DataFactoryHandOff.PARTITIONS_FILE)) {
            return StagingJson.mapper().readTree(in);
        }
    }

    private static GraphDump graph() {
        return GraphDump.of(
                emulator.endpoint().toString(), emulator.certificatePemFile().orElseThrow());
    }
}
