package io.twinsync.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.json.EmulatorJson;
import io.twinsync.emulator.query.Operand.PropertyPath;

/**
 * Shapes one result item as ADT does: {@code SELECT *} returns the document itself; a selected collection comes back
 * under its name ({@code {"T": {...}}}); a property under its own name ({@code T.name} as {@code "name"}), left out
 * when the row does not have it.
 */
final class ResultProjector {

    private final QueryPlan plan;

    ResultProjector(QueryPlan plan) {
        this.plan = plan;
    }

    JsonNode project(Row row) {
        if (plan.query().selection() instanceof Selection.Columns columns) {
            ObjectNode item = EmulatorJson.object();
            for (PropertyPath column : columns.columns()) {
                Scope.Resolved resolved = plan.scope().resolve(column);
                Entity entity = row.entity(resolved.binding());
                if (resolved.isWholeCollection()) {
                    item.set(resolved.binding(), entity.document());
                } else {
                    JsonNode value = entity.value(resolved.rest());
                    if (value != null) {
                        item.set(column.last(), value);
                    }
                }
            }
            return item;
        }
        return row.entity(plan.scope().root()).document();
    }
}
