package io.twinsync.writer.report;

import io.twinsync.staging.Batch;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.OutcomeCounts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Appends result lines to a partition's results file and counts them. Thread-safe. The file appears on
 * {@link #commit()}, replacing an earlier run's whole; closed without it (the run failed) it is discarded.
 */
public final class ResultsWriter implements AutoCloseable {

    private final Batch batch;
    private final String path;
    private final StagedOutput out;
    private final Map<ItemKind, long[]> counts = new EnumMap<>(ItemKind.class);
    private final List<ItemResult> failures = new ArrayList<>();
    private final Consumer<ItemResult> also;

    public ResultsWriter(Batch batch, String path) {
        this(batch, path, result -> {});
    }

    /** As {@link #ResultsWriter(Batch, String)}, handing every line to {@code also} as well (a dry run's plan). */
    public ResultsWriter(Batch batch, String path, Consumer<ItemResult> also) {
        this.also = also;
        this.batch = batch;
        this.path = path;
        this.out = batch.create(path);
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
        also.accept(result);
        if (result.failed()) {
            failures.add(result);
        }
    }

    public synchronized OutcomeCounts counts(ItemKind kind) {
        return counts(counts.get(kind));
    }

    /** Counts by {@link ItemAction}, indexed by its ordinal, as outcome counts. */
    public static OutcomeCounts counts(long[] c) {
        return new OutcomeCounts(
                c[ItemAction.CREATED.ordinal()],
                c[ItemAction.PATCHED.ordinal()],
                c[ItemAction.UNCHANGED.ordinal()],
                c[ItemAction.DELETED.ordinal()],
                c[ItemAction.FAILED.ordinal()],
                c[ItemAction.SKIPPED.ordinal()]);
    }

    public synchronized List<ItemResult> failures() {
        return List.copyOf(failures);
    }

    /** Publishes the results file. */
    public synchronized void commit() {
        out.commit();
    }

    /** Discards the results file unless {@link #commit()} published it. */
    @Override
    public synchronized void close() {
        out.close();
    }
}
