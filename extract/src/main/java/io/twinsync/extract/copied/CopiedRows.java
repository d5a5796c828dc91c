package io.twinsync.extract.copied;

import io.twinsync.extract.watermark.IncrementalExtract;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an ingest of copied rows staged.
 *
 * @param extract rows staged per entity, every entity read whole (a Copy activity copies whole tables), no watermark
 * @param rejectedByEntity lines set aside per entity, only entities that had some
 * @param rejectsByReason lines set aside by reason code
 */
public record CopiedRows(
        IncrementalExtract extract, Map<String, Long> rejectedByEntity, Map<String, Long> rejectsByReason) {

    public CopiedRows {
        rejectedByEntity = Map.copyOf(new TreeMap<>(rejectedByEntity));
        rejectsByReason = Map.copyOf(rejectsByReason);
    }

    public long rejected() {
        return rejectedByEntity.values().stream().mapToLong(Long::longValue).sum();
    }
}
