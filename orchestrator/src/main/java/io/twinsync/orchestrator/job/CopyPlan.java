package io.twinsync.orchestrator.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.extract.SourceEntity;
import io.twinsync.extract.copied.CopiedRowsIngest;
import io.twinsync.extract.copied.CopyPlanFile;
import io.twinsync.extract.copied.CopyQueries;
import io.twinsync.extract.watermark.Watermark;
import io.twinsync.extract.watermark.WatermarkHorizon;
import io.twinsync.extract.watermark.WatermarkStore;
import io.twinsync.extract.watermark.Watermarks;
import io.twinsync.orchestrator.state.EntityOrigins;
import io.twinsync.orchestrator.state.TargetState;
import io.twinsync.transform.mapping.Mapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Data Factory pipeline's Copy activities copy for a mapping, so that the queries have one home, the mapping:
 * per entity (twin entities, then link entities), the query its Copy activity runs on the ERP (SQL Server) and the
 * file it writes, {@code {name}.json}, which {@code run --rows-from} stages ({@link CopyPlanFile}).
 *
 * <p>A query is the mapping's as written, or {@code SELECT * FROM [schema].[table]}. An entity with a watermark column
 * whose watermark the target's state keeps (for copied rows of this mapping: not started afresh) is copied above it,
 * the kept value written into the query as a literal ({@link CopyQueries#above}), as a JDBC read binds it; every
 * other entity is copied whole. Change tracking is not planned: such an entity is copied whole.
 */
public final class CopyPlan {

    private static final Logger log = LoggerFactory.getLogger(CopyPlan.class);

    private CopyPlan() {}

    /**
     * @param state the target's sync state, whose committed watermarks bound incremental copies
     * @param whole copy every entity whole (for a full compare, or to start afresh)
     */
    public static ObjectNode of(Mapping mapping, TargetState state, boolean whole) {
        Map<String, String> afresh = state.afresh(EntityOrigins.of(mapping, CopiedRowsIngest.SOURCE_IDENTITY));
        Watermarks committed = whole
                ? Watermarks.none()
                : WatermarkStore.readCommitted(state.area()).without(afresh.keySet());
        List<CopyPlanFile.Item> items = new ArrayList<>();
        for (SourceEntity entity : SourceEntities.of(mapping)) {
            String query = entity.readsTable() ? CopyQueries.selectAll(entity.table()) : entity.query();
            Watermark above = usable(entity, committed);
            items.add(new CopyPlanFile.Item(
                    entity.name(),
                    above == null ? query : CopyQueries.above(query, above),
                    entity.name() + ".json",
                    above));
        }
        return CopyPlanFile.toJson(items);
    }

    /** The kept watermark when it bounds this entity's copy: same column, not beyond the horizon; else null. */
    private static Watermark usable(SourceEntity entity, Watermarks committed) {
        if (!entity.hasWatermark()) {
            return null;
        }
        Watermark kept = committed.of(entity.name()).orElse(null);
        if (kept == null || !kept.isFor(entity.watermarkColumn())) {
            return null;
        }
        if (WatermarkHorizon.fromNow().isBeyond(kept.type(), kept.value())) {
            log.warn(
                    "Entity {}: the kept watermark {} lies beyond a day from now; copying the entity whole",
                    entity.name(),
                    kept.valueText());
            return null;
        }
        return kept;
    }
}
