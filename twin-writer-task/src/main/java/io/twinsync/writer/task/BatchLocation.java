package io.twinsync.writer.task;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.StagingStores;
import io.twinsync.staging.blob.BlobStagingStore;
import io.twinsync.staging.blob.BlobStagingUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A batch given as its location, {@code {staging}/batches/{batchId}}: a folder, or a Blob Storage URL such as
 * {@code https://acct.blob.core.windows.net/staging/twinsync/batches/{batchId}}. The staging area (and its
 * {@code state/}, where the known state lives) is two levels up.
 */
record BatchLocation(StagingStore store, Batch batch) {

    private static final String EXPECTED = "pass {staging}/batches/{batchId}, such as"
            + " staging/batches/20261122T134501123Z-3fa9c1 or"
            + " https://{account}.blob.core.windows.net/{container}/{path}/batches/20261122T134501123Z-3fa9c1";

    /**
     * @param base the folder a relative folder is resolved against
     * @param connectionString for a URL without a SAS token; with neither, {@code DefaultAzureCredential}
     * @param sasToken for a URL without one ({@link StagingStores#SAS_VARIABLE}); before the connection string
     */
    static BatchLocation of(String location, Path base, Optional<String> connectionString, Optional<String> sasToken) {
        if (StagingStores.isUrl(location)) {
            BlobStagingUrl url = BlobStagingUrl.parse(location);
            return ofUrl(sasToken.map(url::withSasTokenIfNone).orElse(url), connectionString);
        }
        Path folder = Path.of(location);
        return ofFolder(folder.isAbsolute() ? folder : base.resolve(folder));
    }

    private static BatchLocation ofUrl(BlobStagingUrl url, Optional<String> connectionString) {
        String[] segments = url.path().split("/");
        if (segments.length < 2 || !BatchId.isBatchId(url.name()) || !"batches".equals(segments[segments.length - 2])) {
            throw new IllegalArgumentException("'" + url.display() + "' is not a batch URL; " + EXPECTED);
        }
        StagingStore store = BlobStagingStore.connect(url.parent(2), connectionString);
        return new BatchLocation(store, store.openBatch(new BatchId(url.name())));
    }

    private static BatchLocation ofFolder(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        Path name = dir.getFileName();
        Path parent = dir.getParent();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(
                    "Batch folder " + dir + " does not exist; " + EXPECTED + ", a batch that transform wrote");
        }
        if (name == null
                || !BatchId.isBatchId(name.toString())
                || parent == null
                || !"batches".equals(String.valueOf(parent.getFileName()))
                || parent.getParent() == null) {
            throw new IllegalArgumentException("'" + dir + "' is not a batch folder; " + EXPECTED);
        }
        LocalStagingStore store = new LocalStagingStore(parent.getParent());
        return new BatchLocation(store, store.openBatch(new BatchId(name.toString())));
    }
}
