package io.twinsync.writer.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Plans the JSON Patch that turns ADT's copy of a twin or relationship into what the source wants, touching only
 * top-level properties that differ. Nested objects (components, maps, objects) are compared and set as a whole.
 * System properties ({@code $...}) are never patched; the model and relationship target are checked by the caller.
 */
public final class PropertyPatchPlanner {

    private PropertyPatchPlanner() {}

    /**
     * @param desired the document as the source wants it
     * @param actual the document as ADT has it
     * @param removals property names to remove when ADT has them
     * @return the operations, empty when nothing differs
     */
    public static List<PatchOperation> plan(ObjectNode desired, JsonNode actual, Collection<String> removals) {
        List<PatchOperation> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : desired.properties()) {
            String name = field.getKey();
            JsonNode want = field.getValue();
            if (JsonValues.isSystemKey(name)) {
                continue;
            }
            if (want.isNull()) {
                // A null means "no value"; ADT has no null properties, so it can only be a removal.
                if (actual.has(name)) {
                    ops.add(PatchOperation.remove(name));
                }
            } else if (!actual.has(name) || !JsonValues.sameValue(want, actual.get(name))) {
                ops.add(PatchOperation.add(name, want));
            }
        }
        for (String name : removals) {
            if (!desired.has(name) && actual.has(name) && !JsonValues.isSystemKey(name)) {
                ops.add(PatchOperation.remove(name));
            }
        }
        return ops;
    }
}
