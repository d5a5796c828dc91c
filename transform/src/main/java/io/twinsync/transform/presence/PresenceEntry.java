package io.twinsync.transform.presence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A twin an entity produced, and the key of the row it came from.
 *
 * @param twinId the twin id
 * @param sourceKey the source row's key columns and values
 * @param relationship for a link entity's row, the relationship it gives (its {@code twinId} is then the source
 *     twin's); null for a twin entity's
 */
public record PresenceEntry(String twinId, ObjectNode sourceKey, ObjectNode relationship) {

    public PresenceEntry {
        Objects.requireNonNull(twinId, "twinId");
        Objects.requireNonNull(sourceKey, "sourceKey");
    }

    /** A twin an entity produced. */
    public PresenceEntry(String twinId, ObjectNode sourceKey) {
        this(twinId, sourceKey, null);
    }
}
