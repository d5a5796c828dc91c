package io.twinsync.orchestrator.job;

import io.twinsync.extract.SourceEntity;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.SourceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What extract reads for a mapping: each entity's query or table, key columns and optional watermark column; the
 * twin entities, then the link entities.
 */
public final class SourceEntities {

    private SourceEntities() {}

    public static List<SourceEntity> of(Mapping mapping) {
        List<SourceEntity> entities = new ArrayList<>();
        mapping.entities().forEach(e -> entities.add(of(e.name(), e.source())));
        mapping.links().forEach(l -> entities.add(of(l.name(), l.source())));
        return List.copyOf(entities);
    }

    private static SourceEntity of(String name, SourceSpec source) {
        return new SourceEntity(
                name, source.query(), source.table(), source.keyColumns(), source.watermark(), source.changeTracking());
    }
}
