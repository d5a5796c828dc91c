package io.twinsync.staging.reject;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

/** Appends rejects to {@code rejects/{stage}.ndjson}, counting them by reason code. Thread-safe. */
public final class RejectWriter implements AutoCloseable {

    private final String stage;
    private final Batch batch;
    private final Map<String, Long> byCode = new TreeMap<>();
    private OutputStream out;

    public RejectWriter(Batch batch, String stage) {
        this.batch = batch;
        this.stage = stage;
    }

    public synchronized void write(Reject reject) {
        try {
            if (out == null) {
                out = new BufferedOutputStream(batch.create(BatchLayout.rejectsFile(stage)));
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

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new StagingException("Cannot finish the rejects of batch " + batch.id(), e);
            }
        }
    }
}
