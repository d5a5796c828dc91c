package io.twinsync.staging.manifest;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What transform produced: twin files, the relationships in them, tombstones, and rows rejected (by reason code).
 *
 * @param byEntity the same per entity; empty in the manifests of earlier versions
 */
public record TransformSummary(
        Instant startedAt,
        Instant finishedAt,
        long rowsRead,
        long twinFiles,
        long relationships,
        long tombstones,
        long rowsRejected,
        Map<String, Long> rejectsByReason,
        Map<String, EntityTransform> byEntity) {

    public TransformSummary {
        rejectsByReason = Map.copyOf(rejectsByReason);
        byEntity = byEntity == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(byEntity));
    }
}
