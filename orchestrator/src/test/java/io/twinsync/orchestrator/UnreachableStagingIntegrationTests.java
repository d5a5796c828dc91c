package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobServiceClientBuilder;
import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.testsupport.Azurite;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Staging in Blob Storage whose container does not exist (in Azurite): twinsync still starts, commands that never
 * touch staging work, and those that do say what failed and where, in one line.
 */
@SpringBootTest
class UnreachableStagingIntegrationTests {

    static final Path home = CliRun.newHome("unreachable-staging-");
    static final String CONTAINER = "no-such-container-" + UUID.randomUUID();

    @BeforeAll
    static void needsAzurite() {
        Azurite.assumeRunning();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
        registry.add(
                "twinsync.staging",
                () -> Azurite.ACCOUNT_URL + "/" + CONTAINER + "/twinsync?sv=2023-11-03&sig=c2VjcmV0");
    }

    @Autowired
    TwinsyncCommandLine cli;

    /** A valid SAS for the container that does not exist: signing needs no request. */
    private static String sas() {
        return Azurite.sas(new BlobServiceClientBuilder()
                .connectionString(Azurite.CONNECTION_STRING)
                .buildClient()
                .getBlobContainerClient(CONTAINER));
    }

    @Test
    void aCommandThatNeverTouchesStagingWorks() {
        CliRun run = CliRun.of(cli, "sample-erp", "sql", "SELECT COUNT(*) FROM Site");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("3");
    }

    @Test
    void aCommandThatReadsStagingSaysWhatFailedWhereWithoutTheSasOrTheServicesXml() {
        CliRun run = CliRun.of(cli, "batches");

        // Azurite refuses a SAS for a missing container (403) where Azure answers 404 ContainerNotFound; the staging
        // module's tests check the 404's advice with a key. Here: one readable line, naming the place.
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err())
                .contains("Cannot list the batches")
                .contains(CONTAINER)
                .contains("Blob Storage answered HTTP")
                .doesNotContain("sig=")
                .doesNotContain("<?xml");
    }
}
