package io.twinsync.transform.importfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.json.StagingJson;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Turns twin-file documents into import lines: twins without the service's bookkeeping ({@code $etag},
 * {@code $lastUpdateTime}), and relationships that name their source twin as {@code $dtId}, as the import format
 * requires (not {@code $sourceId}).
 */
final class ImportLines {

    private static final Set<String> RELATIONSHIP_KEYS =
            Set.of("$dtId", "$relationshipId", "$targetId", "$relationshipName");
    private static final Set<String> SERVICE_FIELDS = Set.of("$etag", "$sourceId", "$relationshipLink");

    private ImportLines() {}

    /** The twin document as an import line: {@code $dtId}, {@code $metadata.$model} and the properties. */
    static ObjectNode twin(ObjectNode twin) {
        ObjectNode line = twin.deepCopy();
        stripBookkeeping(line);
        return line;
    }

    /**
     * A relationship as an import line: {@code $dtId} (the source), {@code $relationshipId}, {@code $targetId},
     * {@code $relationshipName}, then its properties.
     */
    static ObjectNode relationship(String sourceTwinId, ObjectNode relationship) {
        ObjectNode line = StagingJson.mapper().createObjectNode();
        line.put("$dtId", sourceTwinId);
        line.set("$relationshipId", relationship.get("$relationshipId"));
        line.set("$targetId", relationship.get("$targetId"));
        line.set("$relationshipName", relationship.get("$relationshipName"));
        for (Map.Entry<String, JsonNode> field : relationship.properties()) {
            if (!RELATIONSHIP_KEYS.contains(field.getKey()) && !SERVICE_FIELDS.contains(field.getKey())) {
                line.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return line;
    }

    /** Removes {@code $etag} and last-update times, here and in components (objects with their own metadata). */
    private static void stripBookkeeping(ObjectNode document) {
        document.remove("$etag");
        document.remove("$lastUpdateTime");
        JsonNode metadata = document.get("$metadata");
        if (metadata instanceof ObjectNode meta) {
            meta.remove("$lastUpdateTime");
            for (Iterator<JsonNode> values = meta.elements(); values.hasNext(); ) {
                if (values.next() instanceof ObjectNode propertyMetadata) {
                    propertyMetadata.remove("lastUpdateTime");
                    if (propertyMetadata.isEmpty()) {
                        values.remove();
                    }
                }
            }
        }
        for (JsonNode value : document) {
            if (value instanceof ObjectNode component && component.has("$metadata")) {
                stripBookkeeping(component);
            }
        }
    }
}
