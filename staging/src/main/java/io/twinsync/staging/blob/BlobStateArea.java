package io.twinsync.staging.blob;

import com.azure.storage.blob.BlobContainerClient;
import io.twinsync.staging.LockHolder;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.StateLock;
import java.io.InputStream;
import java.util.Optional;

/** The state area of a {@link BlobStagingStore}: blobs under {@code {root}/state/}, locks as blob leases. */
final class BlobStateArea implements StateArea {

    private final BlobContainerClient container;
    private final String prefix;
    private final BlobStagingUrl url;

    BlobStateArea(BlobContainerClient container, String prefix, BlobStagingUrl url) {
        this.container = container;
        this.prefix = prefix;
        this.url = url;
    }

    @Override
    public Optional<InputStream> open(String name) {
        BlobReads.checkRelative(name, url.display());
        return BlobReads.open(container.getBlobClient(prefix + name), display(name));
    }

    @Override
    public StagedOutput create(String name) {
        BlobReads.checkRelative(name, url.display());
        return BlobStagedOutput.replacing(container.getBlobClient(prefix + name).getBlockBlobClient(), display(name));
    }

    @Override
    public StateLock lock(String name, LockHolder holder) {
        BlobReads.checkRelative(name, url.display());
        return BlobLeaseLock.acquire(container.getBlobClient(prefix + name), display(name), holder);
    }

    private String display(String name) {
        return url.display() + "/" + name;
    }
}
