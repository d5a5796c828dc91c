package io.twinsync.staging.blob;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.StateArea;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A staging area in an Azure Blob Storage container, under a path: {@code {path}/batches/{id}/...} and
 * {@code {path}/state/...}, the same layout as {@link io.twinsync.staging.LocalStagingStore}. Files appear whole:
 * a block blob changes only when uploaded or committed. A batch is marked by an empty {@code .batch} blob, so that a
 * batch with no files yet still lists. Locks are blob leases.
 */
public final class BlobStagingStore implements StagingStore {

    static final String BATCH_MARKER = ".batch";

    private final BlobContainerClient container;
    private final BlobStagingUrl url;
    private final String prefix;

    BlobStagingStore(BlobContainerClient container, BlobStagingUrl url) {
        this.container = container;
        this.url = url;
        this.prefix = url.path().isEmpty() ? "" : url.path() + "/";
    }

    /**
     * Opens the staging area at {@code url}. Nothing is sent yet, so a command that never touches staging does not
     * depend on the storage account; the first operation reports a missing container or a refused credential, and
     * says what to do.
     *
     * @param connectionString used when the URL has no SAS token; with neither, {@code DefaultAzureCredential}
     * @throws IllegalArgumentException when the connection string is unusable or for another account
     */
    public static BlobStagingStore connect(BlobStagingUrl url, Optional<String> connectionString) {
        return new BlobStagingStore(BlobContainerAccess.connect(url, connectionString), url);
    }

    @Override
    public Batch createBatch(BatchId id) {
        String batchPrefix = batchPrefix(id);
        if (hasAny(batchPrefix)) {
            throw new StagingException(
                    "Batch " + id + " already exists at " + batchUrl(id) + "; batch ids must be new");
        }
        try {
            // Unconditional: the check above found nothing, and a retried put whose first answer was lost would
            // otherwise report this new batch as existing.
            container.getBlobClient(batchPrefix + BATCH_MARKER).upload(BinaryData.fromBytes(new byte[0]), true);
        } catch (RuntimeException e) {
            throw BlobErrors.failure("Cannot create batch " + id, batchUrl(id).display(), e);
        }
        return new BlobBatch(container, id, batchPrefix, batchUrl(id));
    }

    @Override
    public Batch openBatch(BatchId id) {
        if (!hasAny(batchPrefix(id))) {
            throw new StagingException(
                    "No batch " + id + " in " + url.display() + "; 'twinsync batches' lists the batches there");
        }
        return new BlobBatch(container, id, batchPrefix(id), batchUrl(id));
    }

    @Override
    public List<BatchId> listBatches() {
        String batches = prefix + "batches/";
        List<BatchId> ids = new ArrayList<>();
        try {
            for (BlobItem item : container.listBlobsByHierarchy("/", new ListBlobsOptions().setPrefix(batches), null)) {
                if (Boolean.TRUE.equals(item.isPrefix())) {
                    String name = item.getName().substring(batches.length()).replace("/", "");
                    if (BatchId.isBatchId(name)) {
                        ids.add(new BatchId(name));
                    }
                }
            }
        } catch (RuntimeException e) {
            throw BlobErrors.failure("Cannot list the batches", url.display(), e);
        }
        ids.sort(null);
        return ids;
    }

    @Override
    public StateArea state() {
        return new BlobStateArea(container, prefix + "state/", url.resolve("state"));
    }

    @Override
    public String location() {
        return url.display();
    }

    private String batchPrefix(BatchId id) {
        return prefix + "batches/" + id.value() + "/";
    }

    private BlobStagingUrl batchUrl(BatchId id) {
        return url.resolve("batches/" + id.value());
    }

    private boolean hasAny(String blobPrefix) {
        try {
            return container
                    .listBlobs(new ListBlobsOptions().setPrefix(blobPrefix).setMaxResultsPerPage(1), null)
                    .iterator()
                    .hasNext();
        } catch (RuntimeException e) {
            throw BlobErrors.failure("Cannot look for " + blobPrefix, url.display(), e);
        }
    }
}
