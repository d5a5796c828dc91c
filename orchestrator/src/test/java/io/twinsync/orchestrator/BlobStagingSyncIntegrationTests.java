package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.manifest.BatchManifest;
import io.twinsync.staging.manifest.BatchManifests;
import io.twinsync.testsupport.Azurite;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code twinsync run} with its staging area in Blob Storage (Azurite), given as a URL with a SAS: every stage
 * reads and writes the batch there, and the writer keeps its known state there, so a second run sends nothing.
 */
@SpringBootTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BlobStagingSyncIntegrationTests {

    static final Path home = CliRun.newHome("blob-staging-");
    private static BlobContainerClient container;
    private static String signature;

    @BeforeAll
    static void createContainer() {
        Azurite.assumeRunning();
        container = Azurite.newContainer("orchestrator");
    }

    @AfterAll
    static void deleteContainer() {
        if (container != null) {
            container.delete();
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
        registry.add("twinsync.staging", () -> {
            String sas = Azurite.sas(container);
            signature = sas.replaceAll(".*sig=([^&]+).*", "$1");
            return Azurite.ACCOUNT_URL + "/" + container.getBlobContainerName() + "/twinsync?" + sas;
        });
    }

    @Autowired
    TwinsyncCommandLine cli;

    @Autowired
    StagingStore staging;

    @Test
    @Order(1)
    void aRunStagesItsBatchInBlobStorageAndWritesEveryTwin() {
        // when the sample ERP is synced with staging in Blob Storage
        CliRun run = CliRun.of(cli, "run");

        // then every row became a created twin, and the batch, its published twins folder and the writer's state
        // are blobs in the container
        assertThat(run.code()).as(run.toString()).isZero();
        BatchManifest manifest = latestManifest();
        assertThat(manifest.write().twins().created())
                .isEqualTo(manifest.extract().totalRows())
                .isGreaterThan(300);
        String batch = "twinsync/archive/" + manifest.batchId() + "/"; // moved there once done
        assertThat(container.getBlobClient(batch + ".twins.published").exists()).isTrue();
        assertThat(blobsUnder(batch + "rows/")).isPositive();
        assertThat(blobsUnder("twinsync/state/writer/")).isPositive();
        assertThat(run.out() + run.err()).doesNotContain(signature);
    }

    @Test
    @Order(2)
    void aSecondRunReadsTheKnownStateBackAndSendsNothingPerTwin() {
        CliRun run = CliRun.of(cli, "run");

        assertThat(run.code()).as(run.toString()).isZero();
        BatchManifest manifest = latestManifest();
        assertThat(manifest.write().twins().unchanged())
                .isEqualTo(manifest.extract().totalRows());
        assertThat(manifest.write().requests()).isEqualTo(1);
        assertThat(staging.listBatches()).hasSize(2);
    }

    private BatchManifest latestManifest() {
        return BatchManifests.read(staging.openBatch(staging.latestBatch().orElseThrow()));
    }

    private static long blobsUnder(String prefix) {
        return container.listBlobs(new ListBlobsOptions().setPrefix(prefix), null).stream()
                .count();
    }
}
