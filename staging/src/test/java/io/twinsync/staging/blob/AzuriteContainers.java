package io.twinsync.staging.blob;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import io.twinsync.testsupport.Azurite;
import java.util.Optional;
import java.util.UUID;

/** Containers in Azurite (127.0.0.1:10000, started by scripts/start-azurite.sh) for the Blob staging tests. */
final class AzuriteContainers {

    static final String CONNECTION_STRING = Azurite.CONNECTION_STRING;
    static final String ACCOUNT_URL = Azurite.ACCOUNT_URL;

    private AzuriteContainers() {}

    /** Skips the calling tests without Azurite, or fails them in CI (see {@link RequiredService}). */
    static void assumeAzurite() {
        Azurite.assumeRunning();
    }

    /** A new container with a random name. */
    static BlobContainerClient create(String purpose) {
        BlobContainerClient container = new BlobServiceClientBuilder()
                .connectionString(CONNECTION_STRING)
                .buildClient()
                .getBlobContainerClient(purpose + "-" + UUID.randomUUID());
        container.create();
        return container;
    }

    /** A store at a fresh path of {@code container}, connected the way a user would, by URL. */
    static BlobStagingStore store(BlobContainerClient container) {
        String url = ACCOUNT_URL + "/" + container.getBlobContainerName() + "/runs/" + UUID.randomUUID();
        return BlobStagingStore.connect(BlobStagingUrl.parse(url), Optional.of(CONNECTION_STRING));
    }
}
