package io.twinsync.transform.twin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.rows.StagedRow;
import io.twinsync.transform.convert.ValueText;
import java.math.BigDecimal;

/** Staged values as JSON for keys in twin files and rejects: numbers and booleans as such, the rest as text. */
final class StagedValues {

    private StagedValues() {}

    /** A row's key columns (as the mapping spells them) and their values, as in twin files' {@code sourceKey}. */
    static ObjectNode key(EntityPlan plan, StagedRow row) {
        ObjectNode key = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < plan.keyColumns().size(); i++) {
            key.set(plan.keyColumns().get(i), toJson(row.get(plan.keyIndex(i))));
        }
        return key;
    }

    static JsonNode toJson(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof Long l) {
            return nodes.numberNode(l);
        }
        if (value instanceof BigDecimal d) {
            return DecimalNode.valueOf(d);
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return nodes.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        return nodes.textNode(ValueText.of(value));
    }
}
