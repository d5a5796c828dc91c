package io.twinsync.orchestrator.job;

import io.twinsync.extract.copied.CopiedEntity;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.SourceSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an ingest of copied rows stages for a mapping ({@code run --rows-from}): each entity, twin entities then link
 * entities as the JDBC extract reads them, with the columns its mapping reads. The watermark column and, for change
 * tracking, {@value SourceSpec#CHANGE_OPERATION_COLUMN} (null: every copied row is a whole read's) are staged too, so
 * that the staged rows have the columns a JDBC read would give the transform.
 */
public final class CopiedEntities {

    private CopiedEntities() {}

    public static List<CopiedEntity> of(Mapping mapping) {
        List<CopiedEntity> entities = new ArrayList<>();
        mapping.entities().forEach(e -> entities.add(of(e.name(), e.source(), e.columns())));
        mapping.links().forEach(l -> entities.add(of(l.name(), l.source(), l.columns())));
        return List.copyOf(entities);
    }

    private static CopiedEntity of(String name, SourceSpec source, Set<String> mapped) {
        Set<String> columns = new LinkedHashSet<>(mapped);
        if (source.watermark() != null) {
            columns.add(source.watermark());
        }
        if (source.changeTracking()) {
            columns.add(SourceSpec.CHANGE_OPERATION_COLUMN);
        }
        return new CopiedEntity(name, source.keyColumns(), List.copyOf(columns), source.watermark());
    }
}
