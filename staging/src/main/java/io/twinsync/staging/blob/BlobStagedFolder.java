package io.twinsync.staging.blob;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import io.twinsync.staging.StagedFolder;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link StagedFolder} in Blob Storage, where there is no rename: files go under a new generation prefix,
 * {@code .{folder}-{uuid}/}, and commit publishes them all at once by overwriting the one small blob that names the
 * current generation ({@code .{folder}.published}); the replaced generation is deleted afterwards. Committed files
 * are uploaded in the background (see {@link FolderUploads}), and {@link #commit()} waits for every one of them.
 *
 * <p>{@link #createNew} is exact without a request per file: it keeps a 64-bit hash per name, and asks the service
 * only when a hash was seen before. Uploads carry no {@code If-None-Match}: the generation is new, and a retried
 * upload whose first answer was lost would otherwise fail as a duplicate of itself.
 */
final class BlobStagedFolder implements StagedFolder {

    static final int UPLOAD_THREADS = 16;

    private final BlobBatch batch;
    private final String folder;
    private final String generation = UUID.randomUUID().toString();
    private final String dataPrefix;
    private final FolderUploads uploads = new FolderUploads(UPLOAD_THREADS);
    private final NameHashes created = new NameHashes();
    private final ConcurrentHashMap<String, Boolean> writing = new ConcurrentHashMap<>();
    private volatile boolean open = true;
    private boolean committed;

    BlobStagedFolder(BlobBatch batch, String folder) {
        this.batch = batch;
        this.folder = folder;
        this.dataPrefix = batch.generationPrefix(folder, generation);
    }

    @Override
    public String path() {
        return folder + "/";
    }

    @Override
    public Optional<StagedOutput> createNew(String name) {
        checkOpen();
        BlobReads.checkRelative(name, batch.location() + "/" + path());
        boolean maybeCreated = !created.add(name);
        // The claim is the one point of truth: a name stays in `writing` from here until its upload has finished
        // (or its stream was discarded), so two threads can never both get it.
        if (writing.putIfAbsent(name, Boolean.TRUE) != null) {
            return Optional.empty();
        }
        if (maybeCreated && BlobReads.exists(blob(name), display(name))) {
            writing.remove(name);
            return Optional.empty();
        }
        return Optional.of(
                new BlobStagedOutput(blob(name).getBlockBlobClient(), display(name), new BlobStagedOutput.Publisher() {
                    @Override
                    public void publish(Runnable upload) {
                        uploads.submit(name, () -> {
                            try {
                                upload.run();
                            } finally {
                                writing.remove(name);
                            }
                        });
                    }

                    @Override
                    public void closed(boolean committed) {
                        if (!committed) {
                            writing.remove(name);
                        }
                    }
                }));
    }

    @Override
    public boolean exists(String name) {
        checkOpen();
        if (uploads.isPending(name)) {
            return true; // committed, still uploading
        }
        return !writing.containsKey(name) && BlobReads.exists(blob(name), display(name));
    }

    @Override
    public InputStream open(String name) {
        checkOpen();
        uploads.await(name);
        return BlobReads.open(blob(name), display(name))
                .orElseThrow(() -> new StagingException(
                        "No file " + name + " was committed to " + path() + " of batch " + batch.id()));
    }

    @Override
    public void commit() {
        checkOpen();
        Optional<String> replaced;
        try {
            uploads.awaitAll();
            replaced = batch.generation(folder);
            publishMarker();
        } catch (RuntimeException e) {
            StagingException failure = e instanceof StagingException staging
                    ? new StagingException(
                            "Cannot publish " + path() + " of batch " + batch.id() + ": " + staging.getMessage()
                                    + "; the folder is left as it was",
                            staging)
                    : BlobErrors.failure(
                            "Cannot publish " + path() + " of batch " + batch.id() + "; the folder is left as it was",
                            batch.location(),
                            e);
            close();
            throw failure;
        }
        committed = true;
        open = false;
        uploads.close();
        batch.published(folder, generation);
        replaced.ifPresentOrElse(
                old -> batch.deleteQuietly(batch.generationPrefix(folder, old)),
                () -> batch.deleteQuietly(batch.prefix() + folder + "/"));
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            uploads.awaitAll();
        } catch (StagingException e) {
            // Discarding anyway: what was uploaded is deleted below, what failed was never written.
        } finally {
            uploads.close();
        }
        if (!committed) {
            batch.deleteQuietly(dataPrefix);
        }
    }

    /**
     * Points the marker at this generation. A write whose answer was lost may still have been applied: then the
     * marker is read back, and only a marker that names another generation counts as a failure, so the files it
     * names are never deleted by {@link #close()}.
     */
    private void publishMarker() {
        BlobClient marker = batch.markerOf(folder);
        try {
            marker.upload(BinaryData.fromString(generation), true);
        } catch (RuntimeException e) {
            String current;
            try {
                current = marker.downloadContent().toString().strip();
            } catch (RuntimeException unread) {
                e.addSuppressed(unread);
                committed = true; // unknown: keep the files rather than risk deleting a published folder
                throw e;
            }
            if (!current.equals(generation)) {
                throw e;
            }
        }
    }

    private BlobClient blob(String name) {
        return batch.container().getBlobClient(dataPrefix + name);
    }

    private String display(String name) {
        return batch.display(path() + name);
    }

    private void checkOpen() {
        if (!open) {
            throw new IllegalStateException(path() + " was already committed or closed");
        }
    }
}
