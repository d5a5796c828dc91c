package io.twinsync.staging.reject;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Appends rejects to {@code rejects/{stage}.ndjson}, counting them by reason code. The file is created with the first
 * reject and published by {@link #commit()}; closed without a commit (the stage failed) it is discarded. Thread-safe.
 */
public final class RejectWriter implements AutoCloseable {

    private final String stage;
    private final Batch batch;
    private final Map<String, Long> byCode = new TreeMap<>();
    private StagedOutput out;

    public RejectWriter(Batch batch, String stage) {
        this.batch = batch;
        this.stage = stage;
    }

    public synchronized void write(Reject reject) {
        try {
            if (out == null) {
                out = batch.create(BatchLayout.rejectsFile(stage));
            }
            out.write(StagingJson.mapper().writeValueAsBytes(reject));
            out.write('\n');
            byCode.merge(reject.code(), 1L, Long::sum);
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot record a reject in batch " + batch.id() + " (" + reject + "): " + e.getMessage(), e);
        }
    }

    public synchronized long count() {
        return byCode.values().stream().mapToLong(Long::longValue).sum();
    }

    public synchronized Map<String, Long> countsByCode() {
        return Map.copyOf(byCode);
    }

    /** Publishes the rejects file; without rejects there is no file. */
    public synchronized void commit() {
        if (out != null) {
            out.commit();
        }
    }

    /** Discards the rejects file unless {@link #commit()} published it. */
    @Override
    public synchronized void close() {
        if (out != null) {
            out.close();
        }
    }
}
