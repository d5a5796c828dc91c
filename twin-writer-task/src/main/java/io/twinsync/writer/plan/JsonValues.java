package io.twinsync.writer.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.json.ContentHash;
import io.twinsync.staging.json.StagingJson;
import java.util.Map;

/** Compares property values the way ADT stores them. */
public final class JsonValues {

    private JsonValues() {}

    /**
     * True when the two values mean the same: numbers equal by value ({@code 12.50} and {@code 12.5}), object keys
     * in any order, and keys starting with {@code $} ignored at every level (ADT adds {@code $metadata} with update
     * times to components).
     */
    public static boolean sameValue(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return ContentHash.canonical(withoutSystemKeys(a)).equals(ContentHash.canonical(withoutSystemKeys(b)));
    }

    /** True for names ADT reserves ({@code $dtId}, {@code $etag}, {@code $metadata}, {@code $relationshipId}...). */
    public static boolean isSystemKey(String name) {
        return name.startsWith("$");
    }

    private static JsonNode withoutSystemKeys(JsonNode value) {
        if (value.isObject()) {
            ObjectNode copy = StagingJson.mapper().createObjectNode();
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                if (!isSystemKey(field.getKey())) {
                    copy.set(field.getKey(), withoutSystemKeys(field.getValue()));
                }
            }
            return copy;
        }
        if (value.isArray()) {
            var copy = StagingJson.mapper().createArrayNode();
            value.forEach(item -> copy.add(withoutSystemKeys(item)));
            return copy;
        }
        return value;
    }
}
