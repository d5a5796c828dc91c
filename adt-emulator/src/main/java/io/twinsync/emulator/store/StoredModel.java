package io.twinsync.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.dtdl.model.DtdlInterface;
import java.time.Instant;

/**
 * An uploaded model: its parsed definition, the JSON exactly as uploaded, and its service-side state.
 */
public record StoredModel(DtdlInterface definition, JsonNode source, Instant uploadTime, boolean decommissioned) {

    public String id() {
        return definition.id();
    }

    StoredModel decommission() {
        return new StoredModel(definition, source, uploadTime, true);
    }
}
