package io.twinsync.writer.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.twin.TwinPointers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the JSON Patch that turns ADT's copy of a twin or relationship into what the source wants, touching only
 * values that differ. Where both sides hold an object (a component, an Object or a Map value) it descends and patches
 * only the differing leaves ({@code add /nameplate/serialNumber}), so parts the source does not map, written by
 * someone else, are kept; where ADT lacks the object it adds it whole. Objects the source gives whole (a Map or Object
 * from one JSON column, listed in the twin file's {@code wholeValues}), arrays and other values are set whole. System
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
        return plan(desired, actual, removals, List.of());
    }

    /**
     * @param wholeValues JSON Pointers of objects the source gives whole: set as a whole when they differ, so keys
     *     the source no longer has are removed (other objects are patched leaf by leaf)
     */
    public static List<PatchOperation> plan(
            ObjectNode desired, JsonNode actual, Collection<String> removals, Collection<String> wholeValues) {
        List<PatchOperation> ops = new ArrayList<>();
        Set<List<String>> whole = new HashSet<>();
        wholeValues.forEach(pointer -> whole.add(TwinPointers.segments(pointer)));
        diff(desired, actual, new ArrayList<>(), whole, ops);
        for (String removal : removals) {
            List<String> path = TwinPointers.segments(removal);
            if (path.stream().anyMatch(JsonValues::isSystemKey)) {
                continue;
            }
            if (find(desired, path) == null && find(actual, path) != null) {
                ops.add(PatchOperation.removeAt(path));
            }
        }
        return ops;
    }

    private static void diff(
            JsonNode desired, JsonNode actual, List<String> at, Set<List<String>> whole, List<PatchOperation> ops) {
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
            } else if (want.isObject() && have != null && have.isObject() && !whole.contains(path)) {
                diff(want, have, path, whole, ops);
            } else if (have == null || !JsonValues.sameValue(want, have)) {
                ops.add(PatchOperation.addAt(path, want));
            }
        }
    }

    /** The value at the keys, or null when any object on the way lacks the key. */
    private static JsonNode find(JsonNode document, List<String> segments) {
        JsonNode current = document;
        for (String segment : segments) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(segment);
        }
        return current;
    }
}
