package io.twinsync.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A relationship as stored, never mutated.
 *
 * @param properties the relationship's own properties, without {@code $} keys
 */
public record StoredRelationship(
        String id, String sourceId, String targetId, String name, ObjectNode properties, String etag) {

    RelationshipKey key() {
        return new RelationshipKey(sourceId, id);
    }
}
