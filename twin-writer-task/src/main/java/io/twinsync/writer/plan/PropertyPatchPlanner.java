package io.twinsync.writer.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Plans the JSON Patch that turns ADT's copy of a twin or relationship into what the source wants, touching only
 * values that differ. Where both sides hold an object (a component, an Object or a Map value) it descends and patches
 * only the differing leaves ({@code add /nameplate/serialNumber}), so parts the source does not map, written by
 * someone else, are kept; where ADT lacks the object it adds it whole. Arrays and other values are set whole. System
 * properties ({@code $...}) are never patched; the model and relationship target are checked by the caller.
 */
public final class PropertyPatchPlanner {

    private PropertyPatchPlanner() {}

    /**
     * @param desired the document as the source wants it
     * @param actual the document as ADT has it
     * @param removals JSON Pointers ({@code /ratedPowerKw}, {@code /nameplate/serialNumber}) to remove when ADT has
     *     them; a name without a leading {@code /} is a top-level property
     * @return the operations, empty when nothing differs
     */
    public static List<PatchOperation> plan(ObjectNode desired, JsonNode actual, Collection<String> removals) {
        List<PatchOperation> ops = new ArrayList<>();
        diff(desired, actual, new ArrayList<>(), ops);
        for (String removal : removals) {
            List<String> path = JsonPointers.segments(removal);
            if (path.stream().anyMatch(JsonValues::isSystemKey)) {
                continue;
            }
            if (JsonPointers.find(desired, path) == null && JsonPointers.find(actual, path) != null) {
                ops.add(PatchOperation.removeAt(path));
            }
        }
        return ops;
    }

    private static void diff(JsonNode desired, JsonNode actual, List<String> at, List<PatchOperation> ops) {
        for (Map.Entry<String, JsonNode> field : desired.properties()) {
            String name = field.getKey();
            JsonNode want = field.getValue();
            if (JsonValues.isSystemKey(name)) {
                continue;
            }
            List<String> path = new ArrayList<>(at);
            path.add(name);
            JsonNode have = actual.get(name);
            if (want.isNull()) {
                // A null means "no value"; ADT has no null properties, so it can only be a removal.
                if (have != null) {
                    ops.add(PatchOperation.removeAt(path));
                }
            } else if (want.isObject() && have != null && have.isObject()) {
                diff(want, have, path, ops);
            } else if (have == null || !JsonValues.sameValue(want, have)) {
                ops.add(PatchOperation.addAt(path, want));
            }
        }
    }
}
