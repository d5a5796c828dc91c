package io.twinsync.writer.models;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A model as the target instance holds it.
 *
 * @param definition the DTDL interface as the service returns it (semantically equal to what was uploaded)
 * @param uploaded when it was uploaded, or null when the service did not say
 */
public record TargetModel(String id, ObjectNode definition, boolean decommissioned, Instant uploaded) {

    public TargetModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definition, "definition");
    }
}
