package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import io.twinsync.testsupport.Azurite;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A staging URL whose SAS Blob Storage refuses (in Azurite): 'run' stops before a batch, blaming the SAS. */
class RefusedSasIntegrationTests {

    static final String FORGED_SIGNATURE = "Zm9yZ2VkLXNpZ25hdHVyZS12YWx1ZQ%3D%3D";

    final Path home = CliRun.newHome("refused-sas-");
    BlobContainerClient container;

    @BeforeEach
    void container() {
        Azurite.assumeRunning();
        container = Azurite.newContainer("refused-sas");
    }

    @AfterEach
    void deleteContainer() {
        if (container != null) {
            container.delete();
        }
    }

    @Test
    void aRefusedSasStopsTheRunBeforeABatchSayingTheSasNotTheUrlIsWrong() {
        // given the URL of an existing container with a SAS whose signature is forged
        String forged = Azurite.sas(container).replaceAll("sig=[^&]+", "sig=" + FORGED_SIGNATURE);
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("TWINSYNC_HOME", home.toString());
        variables.put(
                "TWINSYNC_STAGING",
                Azurite.ACCOUNT_URL + "/" + container.getBlobContainerName() + "/twinsync?" + forged);

        // when a run starts
        StartedTwinsync run = StartedTwinsync.run(variables, Map.of(), "run");

        // then it stops with one message that blames the SAS, shows none of it, and leaves nothing in the container
        assertThat(run.code()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains("twinsync.staging")
                .contains("the SAS token was refused, not the URL")
                .contains(container.getBlobContainerName())
                .doesNotContain("Zm9yZ2Vk")
                .doesNotContain("sig=")
                .doesNotContain("twinsync run: batch");
        StartupSettingsTests.assertNoStackTrace(run);
        assertThat(container.listBlobs()).isEmpty();
    }
}
