package io.twinsync.orchestrator.metrics;

import io.twinsync.staging.manifest.WriteSummary;

/**
 * A batch's write as the record step adds it up from every partition's summary, whichever back-end wrote it: the
 * only request counts there are for partitions that ran in other processes ({@code processes}, {@code
 * data-factory}), whose requests never reach this process's {@link RequestMeters}.
 */
@FunctionalInterface
public interface WriteMeters {

    /** Metrics off. */
    WriteMeters NONE = summary -> {};

    /** Counts the batch's recorded write. */
    void recorded(WriteSummary summary);
}
