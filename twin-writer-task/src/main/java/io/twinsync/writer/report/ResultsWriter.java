package io.twinsync.writer.report;

import io.twinsync.staging.Batch;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.OutcomeCounts;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Appends result lines to a partition's results file and counts them. Thread-safe. The file appears when closed,
 * so a re-run of the partition replaces it whole.
 */
public final class ResultsWriter implements AutoCloseable {

    private final Batch batch;
    private final String path;
    private final OutputStream out;
    private final Map<ItemKind, long[]> counts = new EnumMap<>(ItemKind.class);
    private final List<ItemResult> failures = new ArrayList<>();

    public ResultsWriter(Batch batch, String path) {
        this.batch = batch;
        this.path = path;
        this.out = new BufferedOutputStream(batch.create(path));
        for (ItemKind kind : ItemKind.values()) {
            counts.put(kind, new long[ItemAction.values().length]);
        }
    }

    public synchronized void write(ItemResult result) {
        try {
            out.write(StagingJson.mapper().writeValueAsBytes(result));
            out.write('\n');
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot write " + path + " in batch " + batch.id() + " (" + result + "): " + e.getMessage(), e);
        }
        counts.get(result.kind())[result.action().ordinal()]++;
        if (result.failed()) {
            failures.add(result);
        }
    }

    public synchronized OutcomeCounts counts(ItemKind kind) {
        long[] c = counts.get(kind);
        return new OutcomeCounts(
                c[ItemAction.CREATED.ordinal()],
                c[ItemAction.PATCHED.ordinal()],
                c[ItemAction.UNCHANGED.ordinal()],
                c[ItemAction.DELETED.ordinal()],
                c[ItemAction.FAILED.ordinal()]);
    }

    public synchronized List<ItemResult> failures() {
        return List.copyOf(failures);
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new StagingException("Cannot finish " + path + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
    }
}
