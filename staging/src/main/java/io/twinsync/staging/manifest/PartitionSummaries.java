package io.twinsync.staging.manifest;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The write summaries of a batch's partitions, one file each ({@code results/part-{i}-of-{n}.summary.json}): partitions
 * run in parallel (threads, processes or Batch tasks) and the manifest has no locking, so each records its own and
 * whoever started them adds them up ({@link #total}).
 */
public final class PartitionSummaries {

    private PartitionSummaries() {}

    /** The path of a partition's summary, such as {@code results/part-1-of-4.summary.json}. */
    public static String path(String partitionName) {
        return BatchLayout.RESULTS + partitionName + ".summary.json";
    }

    /** Writes (or replaces) a partition's summary. */
    public static String write(Batch batch, String partitionName, WriteSummary summary) {
        String path = path(partitionName);
        try (StagedOutput out = batch.create(path)) {
            StagingJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out, summary);
            out.commit();
        } catch (IOException e) {
            throw new StagingException("Cannot write " + path + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
        return path;
    }

    /** A partition's summary, if it finished. */
    public static Optional<WriteSummary> read(Batch batch, String partitionName) {
        String path = path(partitionName);
        if (!batch.exists(path)) {
            return Optional.empty();
        }
        try (InputStream in = batch.open(path)) {
            return Optional.of(StagingJson.mapper().readValue(in, WriteSummary.class));
        } catch (IOException e) {
            throw new StagingException("Cannot read " + path + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The sum of the named partitions' summaries.
     *
     * @throws StagingException when one of them has none (it did not finish)
     */
    public static WriteSummary total(Batch batch, List<String> partitionNames) {
        List<WriteSummary> summaries = new ArrayList<>();
        for (String name : partitionNames) {
            summaries.add(read(batch, name)
                    .orElseThrow(() -> new StagingException("Partition " + name + " of batch " + batch.id()
                            + " has no summary: it did not finish; resume the batch to write it")));
        }
        return summaries.stream()
                .reduce(WriteSummary::plus)
                .orElseThrow(() -> new IllegalArgumentException("no partitions to add up"));
    }
}
