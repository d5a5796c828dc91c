package io.twinsync.staging.manifest;

import java.time.Instant;
import java.util.Map;

/**
 * What transform produced: twin files, the relationships in them, tombstones, and rows rejected (by reason code).
 */
public record TransformSummary(
        Instant startedAt,
        Instant finishedAt,
        long rowsRead,
        long twinFiles,
        long relationships,
        long tombstones,
        long rowsRejected,
        Map<String, Long> rejectsByReason) {

    public TransformSummary {
        rejectsByReason = Map.copyOf(rejectsByReason);
    }
}
