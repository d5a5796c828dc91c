package io.twinsync.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.dtdl.DtdlReadOptions;
import io.twinsync.dtdl.DtdlReader;
import io.twinsync.dtdl.DtdlSource;
import io.twinsync.emulator.json.EmulatorJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole store as one JSON document and back:
 * {@code {"formatVersion":1,"models":[{"uploadTime","decommissioned","model"}],"twins":[wire form],
 * "relationships":[wire form]}}. Import replaces everything and trusts the file (no revalidation), since only the
 * emulator writes it.
 */
public final class SnapshotCodec {

    public static final int FORMAT_VERSION = 1;

    private final EmulatorStore store;

    SnapshotCodec(EmulatorStore store) {
        this.store = store;
    }

    public ObjectNode export() {
        return store.read(state -> {
            ObjectNode snapshot = EmulatorJson.object();
            snapshot.put("formatVersion", FORMAT_VERSION);
            ArrayNode models = snapshot.putArray("models");
            state.models.values().forEach(model -> {
                ObjectNode entry = models.addObject();
                entry.put("uploadTime", model.uploadTime().toString());
                entry.put("decommissioned", model.decommissioned());
                entry.set("model", model.source().deepCopy());
            });
            ArrayNode twins = snapshot.putArray("twins");
            state.twins.values().forEach(twin -> twins.add(TwinDocuments.render(twin)));
            ArrayNode relationships = snapshot.putArray("relationships");
            state.outgoing.values().forEach(fromSource -> fromSource
                    .values()
                    .forEach(r -> relationships.add(RelationshipService.render(r))));
            return snapshot;
        });
    }

    public void replaceWith(JsonNode snapshot) {
        int version = snapshot.path("formatVersion").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("Snapshot format version " + version + " is not supported (expected "
                    + FORMAT_VERSION + "); delete the snapshot file or use a matching emulator");
        }
        store.write(state -> {
            state.clear();
            List<DtdlSource> sources = new ArrayList<>();
            for (JsonNode entry : snapshot.path("models")) {
                sources.add(DtdlSource.ofJson(
                        "snapshot model " + entry.path("model").path("@id").asText(), entry.get("model")));
            }
            // the language alone: a snapshot written by an older emulator may hold models it accepted then
            DtdlReader.Result read = new DtdlReader(new DtdlReadOptions(true, false)).read(sources);
            if (read.hasProblems()) {
                throw new IllegalArgumentException("The snapshot's models cannot be read ("
                        + read.problems().get(0)
                        + "); delete the snapshot file or use the emulator version that wrote it");
            }
            List<StoredModel> models = new ArrayList<>();
            for (JsonNode entry : snapshot.path("models")) {
                models.add(new StoredModel(
                        read.models()
                                .find(entry.get("model").path("@id").asText())
                                .orElseThrow(),
                        entry.get("model").deepCopy(),
                        Instant.parse(entry.path("uploadTime").asText()),
                        entry.path("decommissioned").asBoolean(false)));
            }
            state.putModels(models, read.models());
            for (JsonNode twin : snapshot.path("twins")) {
                StoredTwin parsed = TwinDocuments.parse((ObjectNode) twin);
                state.twins.put(parsed.id(), parsed);
            }
            for (JsonNode relationship : snapshot.path("relationships")) {
                state.putRelationship(RelationshipService.parse((ObjectNode) relationship));
            }
            return null;
        });
    }
}
