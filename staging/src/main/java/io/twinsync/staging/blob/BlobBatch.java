package io.twinsync.staging.blob;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagedFolder;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch in Blob Storage: the blobs under {@code {root}/batches/{id}/}. A folder published as a whole (see
 * {@link BlobStagedFolder}) lives under {@code .{folder}-{generation}/}, and the small blob
 * {@code .{folder}.published} names the generation that is current; paths under that folder are mapped to it. A
 * folder with no such blob is read as plain blobs, such as a local batch copied with azcopy.
 *
 * <p>Each instance reads a folder's marker once and keeps the answer (a request per file otherwise), so it does not
 * see another instance publish that folder later; open the batch again to see it, as each stage does.
 *
 * <p>A handle on a batch in {@code batches/} follows it into the archive: a file that is missing because the batch
 * was moved meanwhile is read from {@code archive/{id}/} (one request to find its marker, only on a miss).
 */
final class BlobBatch implements Batch {

    private static final Logger log = LoggerFactory.getLogger(BlobBatch.class);

    private final BlobContainerClient container;
    private final BatchId id;
    private final String archivedPrefix;
    private final BlobStagingUrl archivedUrl;
    private volatile String prefix;
    private volatile BlobStagingUrl url;
    private final ConcurrentHashMap<String, Optional<String>> generations = new ConcurrentHashMap<>();

    /**
     * @param prefix where the batch is now
     * @param archivedPrefix where it is once archived (the same as {@code prefix} for a batch opened from there)
     */
    BlobBatch(
            BlobContainerClient container,
            BatchId id,
            String prefix,
            BlobStagingUrl url,
            String archivedPrefix,
            BlobStagingUrl archivedUrl) {
        this.container = container;
        this.id = id;
        this.prefix = prefix;
        this.url = url;
        this.archivedPrefix = archivedPrefix;
        this.archivedUrl = archivedUrl;
    }

    @Override
    public BatchId id() {
        return id;
    }

    @Override
    public String location() {
        return url.display();
    }

    @Override
    public StagedOutput create(String path) {
        BlobReads.checkRelative(path, location());
        return BlobStagedOutput.replacing(
                container.getBlobClient(physical(path)).getBlockBlobClient(), display(path));
    }

    @Override
    public StagedFolder createFolder(String folder) {
        String name = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A staged folder needs a name inside the batch, such as twins/");
        }
        BlobReads.checkRelative(folder, location());
        if (name.contains("/")) {
            throw new IllegalArgumentException("A staged folder in Blob Storage is a top-level folder of the batch,"
                    + " such as twins/, not " + folder);
        }
        return new BlobStagedFolder(this, name);
    }

    @Override
    public InputStream open(String path) {
        BlobReads.checkRelative(path, location());
        Optional<InputStream> in = BlobReads.open(container.getBlobClient(physical(path)), display(path));
        if (in.isEmpty() && followedIntoArchive()) {
            in = BlobReads.open(container.getBlobClient(physical(path)), display(path));
        }
        return in.orElseThrow(
                () -> new StagingException("Batch " + id + " has no file " + path + " (looked in " + location() + ")"));
    }

    @Override
    public boolean exists(String path) {
        BlobReads.checkRelative(path, location());
        return BlobReads.exists(container.getBlobClient(physical(path)), display(path));
    }

    @Override
    public List<String> list(String folderPrefix) {
        BlobReads.checkRelative(folderPrefix, location());
        String physicalPrefix = physical(folderPrefix);
        List<String> paths = new ArrayList<>();
        try {
            for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(physicalPrefix), null)) {
                paths.add(folderPrefix + item.getName().substring(physicalPrefix.length()));
            }
        } catch (RuntimeException e) {
            throw BlobErrors.failure("Cannot list " + folderPrefix + " of batch " + id, location(), e);
        }
        paths.sort(null);
        return paths;
    }

    @Override
    public void delete(String path) {
        BlobReads.checkRelative(path, location());
        BlobReads.delete(container.getBlobClient(physical(path)), display(path));
    }

    /** True when the batch has moved to the archive since this handle was opened; the handle then reads there. */
    private boolean followedIntoArchive() {
        if (prefix.equals(archivedPrefix)
                || !BlobReads.exists(
                        container.getBlobClient(archivedPrefix + BatchLayout.ARCHIVED),
                        archivedUrl.display() + "/" + BatchLayout.ARCHIVED)) {
            return false;
        }
        // Generations keep their names in the copy, so the markers read so far still hold.
        url = archivedUrl;
        prefix = archivedPrefix;
        return true;
    }

    BlobContainerClient container() {
        return container;
    }

    /** The blob name prefix of this batch, ending in {@code /}. */
    String prefix() {
        return prefix;
    }

    String display(String path) {
        return url.display() + "/" + path;
    }

    BlobClient markerOf(String folder) {
        return container.getBlobClient(prefix + "." + folder + ".published");
    }

    String generationPrefix(String folder, String generation) {
        return prefix + "." + folder + "-" + generation + "/";
    }

    /** Called once a folder's marker names {@code generation}. */
    void published(String folder, String generation) {
        generations.put(folder, Optional.of(generation));
    }

    /** Deletes every blob under {@code blobPrefix}, in parallel, logging (not throwing) what cannot be deleted. */
    void deleteQuietly(String blobPrefix) {
        try (FolderUploads deletions = new FolderUploads(16)) {
            for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(blobPrefix), null)) {
                String name = item.getName();
                deletions.submit(name, () -> {
                    try {
                        container.getBlobClient(name).deleteIfExists();
                    } catch (RuntimeException e) {
                        log.warn(
                                "Cannot delete {} ({}); it is not read, delete it by hand",
                                name,
                                BlobErrors.describe(e));
                    }
                });
            }
            deletions.awaitAll();
        } catch (RuntimeException e) {
            log.warn(
                    "Cannot remove the blobs under {} ({}); they are not read, delete them by hand",
                    blobPrefix,
                    BlobErrors.describe(e));
        }
    }

    private String physical(String path) {
        int slash = path.indexOf('/');
        if (slash < 0) {
            return prefix + path;
        }
        String folder = path.substring(0, slash);
        return generation(folder)
                .map(generation -> generationPrefix(folder, generation) + path.substring(slash + 1))
                .orElse(prefix + path);
    }

    /** The generation of {@code folder} that is current, or empty when the folder is plain blobs (or absent). */
    Optional<String> generation(String folder) {
        return generations.computeIfAbsent(folder, this::readMarker);
    }

    private Optional<String> readMarker(String folder) {
        BlobClient marker = markerOf(folder);
        try {
            BinaryData content = marker.downloadContent();
            String generation = content.toString().strip();
            return generation.isEmpty() ? Optional.empty() : Optional.of(generation);
        } catch (BlobStorageException e) {
            if (BlobErrors.isNotFound(e)) {
                return Optional.empty();
            }
            throw BlobErrors.failure("Cannot read which " + folder + "/ of batch " + id + " is current", location(), e);
        } catch (RuntimeException e) {
            throw BlobErrors.failure("Cannot read which " + folder + "/ of batch " + id + " is current", location(), e);
        }
    }
}
