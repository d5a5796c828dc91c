package io.twinsync.staging.blob;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.twinsync.staging.ArchiveMarker;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.StateArea;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A staging area in an Azure Blob Storage container, under a path: {@code {path}/batches/{id}/...} and
 * {@code {path}/state/...}, the same layout as {@link io.twinsync.staging.LocalStagingStore}. Files appear whole:
 * a block blob changes only when uploaded or committed. A batch is marked by an empty {@code .batch} blob, so that a
 * batch with no files yet still lists. Locks are blob leases.
 *
 * <p>Blob Storage has no rename, so a batch moves to {@code {path}/archive/{id}/} blob by blob: each is copied
 * through this process (streamed, on 16 threads; a copy by URL would need a credential of its own for the source),
 * then the marker is written, then the originals are deleted.
 */
public final class BlobStagingStore implements StagingStore {

    static final String BATCH_MARKER = ".batch";

    private static final int COPY_THREADS = 16;

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
        if (hasAny(batchPrefix) || hasAny(archivePrefix(id))) {
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
        return batch(id, false);
    }

    @Override
    public Batch openBatch(BatchId id) {
        if (isArchived(id)) {
            return batch(id, true);
        }
        if (!hasAny(batchPrefix(id))) {
            throw new StagingException(
                    "No batch " + id + " in " + url.display() + "; 'twinsync batches' lists the batches there");
        }
        return batch(id, false);
    }

    /**
     * Both areas' batches. A batch in {@code archive/} is listed without a look at its marker (a request per batch):
     * one whose copy is not yet whole still has its original in {@code batches/}, so the list is the same.
     */
    @Override
    public List<BatchId> listBatches() {
        TreeSet<BatchId> ids = new TreeSet<>(ids("batches/"));
        ids.addAll(archivedBatches());
        return List.copyOf(ids);
    }

    @Override
    public List<BatchId> archivedBatches() {
        return ids("archive/");
    }

    @Override
    public void archiveBatch(BatchId id) {
        String from = batchPrefix(id);
        String to = archivePrefix(id);
        if (!isArchived(id)) {
            if (!hasAny(from)) {
                throw new StagingException("No batch " + id + " in " + url.display()
                        + " to archive; 'twinsync batches' lists the batches there");
            }
            copyAll(id, from, to);
            try {
                container
                        .getBlobClient(to + BatchLayout.ARCHIVED)
                        .upload(BinaryData.fromBytes(new ArchiveMarker(id.value(), Instant.now()).toJson()), true);
            } catch (RuntimeException e) {
                throw BlobErrors.failure(
                        "Cannot mark the archived copy of batch " + id + " as whole; run again to finish it",
                        archiveUrl(id).display(),
                        e);
            }
        }
        deleteAll(id, from, null);
    }

    @Override
    public void deleteArchivedBatch(BatchId id) {
        String archived = archivePrefix(id);
        if (isArchived(id)) {
            deleteAll(id, batchPrefix(id), null); // what a move cut short left of the original
        }
        deleteAll(id, archived, archived + BatchLayout.ARCHIVED);
    }

    private BlobBatch batch(BatchId id, boolean archived) {
        return archived
                ? new BlobBatch(container, id, archivePrefix(id), archiveUrl(id), archivePrefix(id), archiveUrl(id))
                : new BlobBatch(container, id, batchPrefix(id), batchUrl(id), archivePrefix(id), archiveUrl(id));
    }

    private boolean isArchived(BatchId id) {
        BlobClient marker = container.getBlobClient(archivePrefix(id) + BatchLayout.ARCHIVED);
        return BlobReads.exists(marker, archiveUrl(id).display() + "/" + BatchLayout.ARCHIVED);
    }

    /** Copies every blob under {@code from} to the same name under {@code to}, streamed, in parallel. */
    private void copyAll(BatchId id, String from, String to) {
        try (FolderUploads copies = new FolderUploads(COPY_THREADS)) {
            for (BlobItem item : listing(id, from)) {
                String name = item.getName();
                long length = item.getProperties().getContentLength();
                copies.submit(name, () -> copy(name, to + name.substring(from.length()), length));
            }
            copies.awaitAll();
        } catch (StagingException e) {
            throw new StagingException(
                    "Cannot copy batch " + id + " to the archive: " + e.getMessage()
                            + "; its original is kept, run again to finish the move",
                    e);
        }
    }

    private void copy(String source, String target, long length) {
        try (InputStream in = container.getBlobClient(source).openInputStream()) {
            container.getBlobClient(target).upload(in, length, true);
        } catch (IOException e) {
            throw new StagingException("Cannot copy " + source + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw BlobErrors.failure("Cannot copy " + source, url.display(), e);
        }
    }

    /** Deletes every blob under {@code blobPrefix}, {@code last} (if given) after all others. */
    private void deleteAll(BatchId id, String blobPrefix, String last) {
        try (FolderUploads deletions = new FolderUploads(COPY_THREADS)) {
            for (BlobItem item : listing(id, blobPrefix)) {
                String name = item.getName();
                if (!name.equals(last)) {
                    deletions.submit(name, () -> delete(name));
                }
            }
            deletions.awaitAll();
            if (last != null) {
                delete(last);
            }
        } catch (StagingException e) {
            throw new StagingException(
                    "Cannot delete batch " + id + ": " + e.getMessage() + "; run again to finish it", e);
        }
    }

    private void delete(String name) {
        BlobReads.delete(container.getBlobClient(name), url.display() + "/" + name.substring(prefix.length()));
    }

    /** The blobs under {@code blobPrefix}, read page by page as the caller goes; a failed page is a StagingException. */
    private Iterable<BlobItem> listing(BatchId id, String blobPrefix) {
        return () -> {
            var blobs = container
                    .listBlobs(new ListBlobsOptions().setPrefix(blobPrefix), null)
                    .iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    try {
                        return blobs.hasNext();
                    } catch (RuntimeException e) {
                        throw BlobErrors.failure("Cannot list the files of batch " + id, url.display(), e);
                    }
                }

                @Override
                public BlobItem next() {
                    return blobs.next();
                }
            };
        };
    }

    private List<BatchId> ids(String area) {
        String batches = prefix + area;
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
    public StateArea incoming() {
        return new BlobStateArea(container, prefix + StagingStore.INCOMING, url.resolve("incoming"));
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

    private String archivePrefix(BatchId id) {
        return prefix + "archive/" + id.value() + "/";
    }

    private BlobStagingUrl archiveUrl(BatchId id) {
        return url.resolve("archive/" + id.value());
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
