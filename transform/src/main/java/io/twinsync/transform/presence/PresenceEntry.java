package io.twinsync.transform.presence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A twin an entity produced, and the key of the row it came from.
 *
 * @param twinId the twin id
 * @param sourceKey the source row's key columns and values
 */
public record PresenceEntry(String twinId, ObjectNode sourceKey) {

    public PresenceEntry {
        Objects.requireNonNull(twinId, "twinId");
        Objects.requireNonNull(sourceKey, "sourceKey");
    }
}
