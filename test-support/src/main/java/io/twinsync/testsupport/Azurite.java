package io.twinsync.testsupport;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Azurite's Blob service as the tests use it: 127.0.0.1:10000, started by {@code scripts/start-azurite.sh}. */
public final class Azurite {

    /** Azurite's well-known development account; the key is published in Microsoft's Azurite documentation. */
    public static final String CONNECTION_STRING = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    /** The account's URL, path-style as Azurite serves it. */
    public static final String ACCOUNT_URL = "http://127.0.0.1:10000/devstoreaccount1";

    private Azurite() {}

    /** Skips the calling test without Azurite, or fails it in CI (see {@link RequiredService}). */
    public static void assumeRunning() {
        RequiredService.assumeReachable("Azurite (Blob Storage)", "127.0.0.1", 10000);
    }

    /** Creates a container named {@code purpose} plus a random suffix; the caller deletes it. */
    public static BlobContainerClient newContainer(String purpose) {
        BlobContainerClient container = new BlobServiceClientBuilder()
                .connectionString(CONNECTION_STRING)
                .buildClient()
                .getBlobContainerClient(purpose + "-" + UUID.randomUUID());
        container.create();
        return container;
    }

    /** A SAS for {@code container} allowing what staging needs (read, add, create, write, delete, list), for an hour. */
    public static String sas(BlobContainerClient container) {
        return container.generateSas(new BlobServiceSasSignatureValues(
                OffsetDateTime.now().plusHours(1), BlobContainerSasPermission.parse("racwdl")));
    }
}
