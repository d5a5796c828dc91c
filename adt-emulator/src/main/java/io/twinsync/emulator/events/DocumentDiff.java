package io.twinsync.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.twinsync.emulator.json.EmulatorJson;
import io.twinsync.emulator.store.StoredRelationship;
import io.twinsync.emulator.store.StoredTwin;
import java.util.Map;

/**
 * The JSON Patch that turns one version of a twin or relationship into the next, for notifications of a replacing
 * PUT: {@code add}, {@code replace} and {@code remove} of properties, one level into components (a component that
 * comes or goes is added or removed whole), and a {@code replace} of {@code /$metadata/$model} when the model
 * changes. Values are compared as JSON; an Object property that changed is replaced whole.
 */
final class DocumentDiff {

    private DocumentDiff() {}

    static ArrayNode twins(StoredTwin previous, StoredTwin next) {
        ArrayNode patch = EmulatorJson.array();
        if (!previous.modelId().equals(next.modelId())) {
            patch.add(operation("replace", "/$metadata/$model", TextNode.valueOf(next.modelId())));
        }
        next.contents().properties().forEach(entry -> {
            String name = entry.getKey();
            JsonNode before = previous.contents().get(name);
            boolean component = next.componentNames().contains(name);
            if (component && before != null && previous.componentNames().contains(name)) {
                properties(patch, "/" + escape(name), (ObjectNode) before, (ObjectNode) entry.getValue());
            } else {
                change(patch, "/" + escape(name), before, entry.getValue());
            }
        });
        removals(patch, "", previous.contents(), next.contents());
        return patch;
    }

    static ArrayNode relationships(StoredRelationship previous, StoredRelationship next) {
        ArrayNode patch = EmulatorJson.array();
        if (!previous.targetId().equals(next.targetId())) {
            patch.add(operation("replace", "/$targetId", TextNode.valueOf(next.targetId())));
        }
        if (!previous.name().equals(next.name())) {
            patch.add(operation("replace", "/$relationshipName", TextNode.valueOf(next.name())));
        }
        properties(patch, "", previous.properties(), next.properties());
        return patch;
    }

    /** One operation, in the order of Microsoft's examples: value, path, op (no value for remove). */
    static ObjectNode operation(String op, String path, JsonNode value) {
        ObjectNode operation = EmulatorJson.object();
        if (value != null) {
            operation.set("value", value);
        }
        operation.put("path", path);
        operation.put("op", op);
        return operation;
    }

    private static void properties(ArrayNode patch, String prefix, ObjectNode before, ObjectNode after) {
        after.properties()
                .forEach(entry -> change(
                        patch, prefix + "/" + escape(entry.getKey()), before.get(entry.getKey()), entry.getValue()));
        removals(patch, prefix, before, after);
    }

    private static void change(ArrayNode patch, String path, JsonNode before, JsonNode after) {
        if (before == null) {
            patch.add(operation("add", path, after));
        } else if (!before.equals(after)) {
            patch.add(operation("replace", path, after));
        }
    }

    private static void removals(ArrayNode patch, String prefix, ObjectNode before, ObjectNode after) {
        for (Map.Entry<String, JsonNode> entry : before.properties()) {
            if (!after.has(entry.getKey())) {
                patch.add(operation("remove", prefix + "/" + escape(entry.getKey()), null));
            }
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
