package io.twinsync.staging.manifest;

import java.time.Instant;
import java.util.Map;

/** What extract staged: rows per entity. */
public record ExtractSummary(Instant startedAt, Instant finishedAt, Map<String, Long> rowsByEntity) {

    public ExtractSummary {
        rowsByEntity = Map.copyOf(rowsByEntity);
    }

    public long totalRows() {
        return rowsByEntity.values().stream().mapToLong(Long::longValue).sum();
    }
}
