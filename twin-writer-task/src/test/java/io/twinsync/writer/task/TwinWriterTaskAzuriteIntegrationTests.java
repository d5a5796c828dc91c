package io.twinsync.writer.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.AdtEmulator;
import io.twinsync.emulator.tls.TlsMaterialStore;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.blob.BlobStagingStore;
import io.twinsync.staging.blob.BlobStagingUrl;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.BatchManifests;
import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.testsupport.Azurite;
import io.twinsync.writer.support.TestBatches;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task with its batch in Blob Storage (Azurite), given by URL as a Data Factory activity on Azure Batch would
 * give it: the batch, its results and the writer's known state all live in the container.
 */
class TwinWriterTaskAzuriteIntegrationTests {

    private static BlobContainerClient container;

    @TempDir
    Path root;

    private AdtEmulator emulator;
    private Path pem;
    private StagingStore staging;
    private String stagingUrl;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void createContainer() {
        Azurite.assumeRunning();
        container = Azurite.newContainer("writer-task");
    }

    @AfterAll
    static void deleteContainer() {
        if (container != null) {
            container.delete();
        }
    }

    @BeforeEach
    void start() throws Exception {
        emulator = AdtEmulator.builder().port(0).start();
        pem = root.resolve("emulator.pem");
        Files.writeString(pem, TlsMaterialStore.pem(emulator.certificate()));
        stagingUrl = Azurite.ACCOUNT_URL + "/" + container.getBlobContainerName() + "/twinsync-" + UUID.randomUUID();
        staging = BlobStagingStore.connect(BlobStagingUrl.parse(stagingUrl), Optional.of(Azurite.CONNECTION_STRING));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void asADataFactoryActivityItWritesABatchGivenAsASignedBlobUrlAndKeepsItsStateThere() throws Exception {
        // given a batch in Blob Storage and an activity whose batch is the batch's URL with a container SAS
        Batch batch =
                TestBatches.batch(staging, TestBatches.site("site-1", "pump-1"), TestBatches.pump("pump-1", 1200));
        String sas = Azurite.sas(container);
        Path work = activity(batch.location() + "?" + sas);

        // when the task runs with --adf
        int code = TwinWriterTaskMain.run(
                new String[] {"--adf", work.toString()}, new PrintWriter(out), new PrintWriter(err));

        // then it wrote the twins, and the batch's manifest, results and the known state are in the container
        assertThat(code).as(err.toString()).isZero();
        JsonNode outputs =
                StagingJson.mapper().readTree(work.resolve("outputs.json").toFile());
        assertThat(outputs.path("twins").path("created").asLong()).isEqualTo(2);
        assertThat(outputs.path("relationships").path("created").asLong()).isEqualTo(1);
        Batch reread = staging.openBatch(batch.id());
        assertThat(BatchManifests.read(reread).write().twins()).isEqualTo(new OutcomeCounts(2, 0, 0, 0, 0));
        assertThat(reread.list(BatchLayout.RESULTS)).contains(BatchLayout.resultsFile("part-1-of-1"));
        assertThat(staging.state().open("writer/" + emulatorKey() + "/known-twins.ndjson"))
                .isPresent();

        // and the SAS is nowhere in what the task printed or handed to the pipeline
        String signature = sas.replaceAll(".*sig=([^&]+).*", "$1");
        assertThat(out.toString() + err + Files.readString(work.resolve("outputs.json")))
                .doesNotContain(signature);

        // when it runs again on the same batch / then the known state read back from Blob Storage skips both twins
        Files.delete(work.resolve("outputs.json"));
        int again = TwinWriterTaskMain.run(
                new String[] {"--adf", work.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertThat(again).as(err.toString()).isZero();
        JsonNode second =
                StagingJson.mapper().readTree(work.resolve("outputs.json").toFile());
        assertThat(second.path("twins").path("unchanged").asLong()).isEqualTo(2);
    }

    @Test
    void aBatchUrlWithoutASasIsSignedWithTheOneTwinsyncHandsOverInTheEnvironment() throws Exception {
        // given a batch whose URL, as twinsync writes it into activity.json, carries no SAS, and the container's SAS
        // as twinsync's processes back-end hands it over (TWINSYNC_STAGING_SAS)
        Batch batch = TestBatches.batch(staging, TestBatches.pump("pump-1", 1200));
        String sas = Azurite.sas(container);

        // when the task opens the batch with no connection string
        BatchLocation location = BatchLocation.of(batch.location(), root, Optional.empty(), Optional.of(sas));

        // then it reads the batch through the SAS, and says where it is without it
        assertThat(location.batch().list(BatchLayout.TWINS)).contains(BatchLayout.twinFile("pump-1"));
        assertThat(location.batch().location()).isEqualTo(batch.location()).doesNotContain("sig=");

        // and a URL that has a SAS of its own keeps it (the one in the environment does not replace it)
        BatchLocation signed =
                BatchLocation.of(batch.location() + "?" + sas, root, Optional.empty(), Optional.of("sv=bogus&sig=x"));
        assertThat(signed.batch().list(BatchLayout.TWINS)).contains(BatchLayout.twinFile("pump-1"));
    }

    @Test
    void onTheCommandLineABlobUrlThatIsNotABatchIsRefusedSayingWhatToGive() {
        // given a URL of the staging area itself, not of a batch in it
        String[] args = {
            "--batch", stagingUrl, "--endpoint", emulator.endpoint().toString(), "--trust-certificate", pem.toString()
        };

        // when the task runs / then it exits with 1 and says what a batch URL looks like
        int code = TwinWriterTaskMain.run(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("is not a batch URL").contains("/batches/");
    }

    private Path activity(String batchUrl) throws Exception {
        Path work = Files.createDirectories(root.resolve("wd"));
        Files.copy(pem, work.resolve("emulator.pem"));
        JsonNode extended = StagingJson.mapper()
                .createObjectNode()
                .put("batch", batchUrl)
                .put("endpoint", emulator.endpoint().toString())
                .put("trustCertificate", "emulator.pem");
        Files.writeString(
                work.resolve("activity.json"),
                "{\"name\": \"WriteTwins\", \"typeProperties\": {\"extendedProperties\": " + extended + "}}");
        Files.writeString(work.resolve("linkedServices.json"), "[]");
        Files.writeString(work.resolve("datasets.json"), "[]");
        return work;
    }

    private String emulatorKey() {
        return new io.twinsync.writer.AdtTarget(emulator.endpoint(), Optional.empty()).stateKey();
    }
}
