package io.twinsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.BinaryData;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.implementation.models.ImportJob;
import com.azure.digitaltwins.core.implementation.models.Status;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import io.twinsync.testsupport.Azurite;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Import jobs against a real Blob service (Azurite on 127.0.0.1:10000, see scripts/start-azurite.sh): the input is
 * uploaded with the Blob SDK, the job reads and writes through SAS URLs, and the log is read back with the SDK.
 */
class ImportJobsAzuriteIntegrationTests {

    private static final String AZURITE = Azurite.CONNECTION_STRING;

    private static BlobContainerClient container;

    private AdtEmulator emulator;
    private DigitalTwinsClient client;
    private SdkImportJobs jobs;

    @BeforeAll
    static void createContainer() {
        Azurite.assumeRunning();
        container = Azurite.newContainer("import-jobs");
    }

    @AfterAll
    static void deleteContainer() {
        if (container != null) {
            container.delete();
        }
    }

    @BeforeEach
    void start() {
        emulator = TestEmulators.start();
        client = SdkClients.sync(emulator);
        jobs = new SdkImportJobs(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void importsABlobThroughSasUrlsAndWritesTheLogBackToBlobStorage() {
        // given an import file in a blob and SAS URLs for it and for the log
        BlobClient input = container.getBlobClient("graph.ndjson");
        input.upload(
                BinaryData.fromBytes(ImportFiles.withHeader()
                        .section("Models")
                        .line(TestModels.ASSET_JSON)
                        .section("Twins")
                        .line("{\"$dtId\": \"a1\", \"$metadata\": {\"$model\": \"" + TestModels.ASSET
                                + "\"}, \"name\": \"pump\"}")
                        .bytes()),
                true);
        BlobClient log = container.getBlobClient("logs/graph.log");

        // when
        jobs.create("azurite-1", sasUrl(input, read()), sasUrl(log, createAndWrite()));
        ImportJob ended = jobs.awaitEnd("azurite-1");

        // then
        assertThat(ended.getStatus()).isEqualTo(Status.SUCCEEDED);
        assertThat(client.getDigitalTwin("a1", BasicDigitalTwin.class).getContents())
                .containsEntry("name", "pump");
        List<String> lines = log.downloadContent().toString().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).contains("\"jobId\":\"azurite-1\"", "\"details\":{\"status\":\"Started\"}");
        assertThat(lines.get(5)).contains("\"details\":{\"status\":\"Succeeded\"}");
        assertThat(log.getProperties().getBlobType().toString()).isEqualTo("BlockBlob");
    }

    @Test
    void aMissingInputBlobFailsTheJobWithoutRevealingTheSasToken() {
        // given
        BlobClient absent = container.getBlobClient("absent.ndjson");
        BlobClient log = container.getBlobClient("logs/absent.log");

        // when
        jobs.create("azurite-missing", sasUrl(absent, read()), sasUrl(log, createAndWrite()));
        ImportJob ended = jobs.awaitEnd("azurite-missing");

        // then
        assertThat(ended.getStatus()).isEqualTo(Status.FAILED);
        assertThat(ended.getError().getMessage())
                .contains("absent.ndjson", "404")
                .doesNotContain("sig=");
        assertThat(log.downloadContent().toString()).contains("BlobNotFound").doesNotContain("sig=");
    }

    @Test
    void aLogUrlWithoutWritePermissionFailsTheJobAfterTheImport() {
        // given a SAS for the log that only allows reading
        BlobClient input = container.getBlobClient("read-only-log.ndjson");
        input.upload(BinaryData.fromBytes(ImportFiles.withHeader().bytes()), true);
        BlobClient log = container.getBlobClient("logs/read-only.log");

        // when
        jobs.create("azurite-no-write", sasUrl(input, read()), sasUrl(log, read()));
        ImportJob ended = jobs.awaitEnd("azurite-no-write");

        // then
        assertThat(ended.getStatus()).isEqualTo(Status.FAILED);
        assertThat(ended.getError().getMessage())
                .contains("Could not write the log", "403")
                .doesNotContain("sig=");
        assertThat(log.exists()).isFalse();
    }

    private static String sasUrl(BlobClient blob, BlobSasPermission permission) {
        String sas = blob.generateSas(
                new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1), permission));
        return blob.getBlobUrl() + "?" + sas;
    }

    private static BlobSasPermission read() {
        return new BlobSasPermission().setReadPermission(true);
    }

    private static BlobSasPermission createAndWrite() {
        return new BlobSasPermission().setCreatePermission(true).setWritePermission(true);
    }
}
