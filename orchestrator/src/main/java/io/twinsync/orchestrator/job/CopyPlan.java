package io.twinsync.orchestrator.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.extract.SourceEntity;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.transform.mapping.Mapping;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a Data Factory pipeline's Copy activities copy for a mapping, so that the queries have one home, the mapping:
 * per entity (twin entities, then link entities), its {@code name}, the {@code query} its Copy activity runs on the
 * ERP (SQL Server) and the {@code fileName} it writes, {@code {name}.json}, which {@code run --rows-from} stages.
 *
 * <p>A query is the mapping's as written, or {@code SELECT * FROM [schema].[table]} for a table (its parts were
 * checked as plain identifiers when the mapping was loaded, so the brackets cannot be closed early). Every entity is
 * copied whole: a watermark or change tracking in the mapping reads whole here (the bounds are not planned yet).
 */
public final class CopyPlan {

    private CopyPlan() {}

    /** {@code {"entities": [{"name", "query", "fileName"}, ...]}}. */
    public static ObjectNode of(Mapping mapping) {
        ObjectNode plan = StagingJson.mapper().createObjectNode();
        ArrayNode entities = plan.putArray("entities");
        for (SourceEntity entity : SourceEntities.of(mapping)) {
            entities.addObject()
                    .put("name", entity.name())
                    .put("query", entity.readsTable() ? "SELECT * FROM " + bracketed(entity.table()) : entity.query())
                    .put("fileName", entity.name() + ".json");
        }
        return plan;
    }

    private static String bracketed(String table) {
        return Arrays.stream(table.split("\\.")).map(part -> "[" + part + "]").collect(Collectors.joining("."));
    }
}
