package io.twinsync.writer.task;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.LocalStagingStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A batch given as its folder, {@code {staging}/batches/{batchId}}: the staging area (and its {@code state/}
 * folder, where the known state lives) is two levels up.
 */
record LocalBatchFolder(LocalStagingStore store, Batch batch) {

    static LocalBatchFolder of(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        Path name = dir.getFileName();
        Path parent = dir.getParent();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Batch folder " + dir + " does not exist; pass --batch"
                    + " {staging}/batches/{batchId}, a folder that transform wrote");
        }
        if (name == null
                || !BatchId.isBatchId(name.toString())
                || parent == null
                || !"batches".equals(String.valueOf(parent.getFileName()))
                || parent.getParent() == null) {
            throw new IllegalArgumentException("'" + dir + "' is not a batch folder; pass --batch"
                    + " {staging}/batches/{batchId}, such as staging/batches/20261122T134501123Z-3fa9c1");
        }
        LocalStagingStore store = new LocalStagingStore(parent.getParent());
        return new LocalBatchFolder(store, store.openBatch(new BatchId(name.toString())));
    }
}
