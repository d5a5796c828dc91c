package io.twinsync.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.twinsync.emulator.store.RelationshipService;
import io.twinsync.emulator.store.StoredRelationship;
import io.twinsync.emulator.store.StoredTwin;
import io.twinsync.emulator.store.TwinDocuments;
import java.util.List;
import java.util.Optional;

/**
 * A twin or a relationship bound to a collection name in a result row. Paths are read from its wire document (the
 * same JSON a GET returns), rendered once and only when needed.
 */
final class Entity {

    private final StoredTwin twin;
    private final StoredRelationship relationship;
    private ObjectNode document;

    private Entity(StoredTwin twin, StoredRelationship relationship) {
        this.twin = twin;
        this.relationship = relationship;
    }

    static Entity of(StoredTwin twin) {
        return new Entity(twin, null);
    }

    static Entity of(StoredRelationship relationship) {
        return new Entity(null, relationship);
    }

    /** The twin, or empty for a relationship. */
    Optional<StoredTwin> twin() {
        return Optional.ofNullable(twin);
    }

    ObjectNode document() {
        if (document == null) {
            document = twin != null ? TwinDocuments.render(twin) : RelationshipService.render(relationship);
        }
        return document;
    }

    /** The value at a path inside the document, or null when the path leads nowhere (undefined). */
    JsonNode value(List<String> path) {
        if (twin != null && path.equals(List.of("$dtId"))) {
            return TextNode.valueOf(twin.id());
        }
        JsonNode node = document();
        for (String segment : path) {
            node = node.isObject() ? node.get(segment) : null;
            if (node == null) {
                return null;
            }
        }
        return node;
    }
}
