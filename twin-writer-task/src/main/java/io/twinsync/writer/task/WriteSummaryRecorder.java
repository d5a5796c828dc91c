package io.twinsync.writer.task;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.manifest.BatchManifest;
import io.twinsync.staging.manifest.BatchManifests;
import io.twinsync.staging.manifest.PartitionSummaries;
import io.twinsync.staging.manifest.WriteSummary;
import io.twinsync.writer.Partition;
import io.twinsync.writer.WritePhase;

/**
 * Records a run's summary. A whole-batch run writes the manifest's {@code write} section; a partition writes
 * {@code results/part-{i}-of-{n}.summary.json} instead (a phase, {@code part-{i}-of-{n}.twins.summary.json} and
 * {@code part-{i}-of-{n}.relationships.summary.json}), because partitions run in parallel and the manifest has no
 * locking; whoever started the partitions adds them up.
 */
final class WriteSummaryRecorder {

    private WriteSummaryRecorder() {}

    /** Returns the path written. */
    static String record(Batch batch, Partition partition, WritePhase phase, WriteSummary summary) {
        if (partition.count() == 1 && phase == WritePhase.ALL) {
            if (batch.exists(BatchLayout.MANIFEST)) {
                BatchManifests.update(batch, manifest -> manifest.withWrite(summary));
            } else {
                BatchManifests.write(
                        batch,
                        BatchManifest.start(batch.id().value(), summary.startedAt())
                                .withWrite(summary));
            }
            return BatchLayout.MANIFEST;
        }
        return PartitionSummaries.write(batch, phase.resultsName(partition), summary);
    }
}
