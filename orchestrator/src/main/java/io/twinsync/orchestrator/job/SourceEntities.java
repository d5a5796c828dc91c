package io.twinsync.orchestrator.job;

import io.twinsync.extract.SourceEntity;
import io.twinsync.transform.mapping.Mapping;
import java.util.List;

/** What extract reads for a mapping: each entity's query or table, key columns and optional watermark column. */
public final class SourceEntities {

    private SourceEntities() {}

    public static List<SourceEntity> of(Mapping mapping) {
        return mapping.entities().stream()
                .map(e -> new SourceEntity(
                        e.name(),
                        e.source().query(),
                        e.source().table(),
                        e.source().keyColumns(),
                        e.source().watermark()))
                .toList();
    }
}
