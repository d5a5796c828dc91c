package io.twinsync.orchestrator.state;

import com.fasterxml.jackson.core.type.TypeReference;
import io.twinsync.staging.Batch;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.transform.mapping.Mapping;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The origin of each entity, by name: the current one of a mapping, a batch's pending one, or the one committed with
 * a target's state. Immutable. Stored as {@code {"entities": {"equipment": {"source": .., "read": .., "twins": ..}}}}.
 *
 * @param byEntity entity name to its origin
 */
public record EntityOrigins(Map<String, EntityOrigin> byEntity) {

    /** The batch's pending origins, committed with its watermarks and presence lists. */
    public static final String BATCH_FILE = "extract/origins.json";

    /** The committed origins in a target's state. */
    public static final String STATE_FILE = "origins.json";

    private static final TypeReference<Map<String, Map<String, EntityOrigin>>> FORMAT = new TypeReference<>() {};

    public EntityOrigins {
        byEntity = Collections.unmodifiableMap(new LinkedHashMap<>(byEntity));
    }

    /** The origins of every entity of {@code mapping}, read from {@code source} (a URL free of credentials). */
    public static EntityOrigins of(Mapping mapping, String source) {
        Map<String, EntityOrigin> origins = new LinkedHashMap<>();
        mapping.entities().forEach(e -> origins.put(e.name(), EntityOrigin.of(source, e)));
        mapping.links().forEach(l -> origins.put(l.name(), EntityOrigin.of(source, l)));
        return new EntityOrigins(origins);
    }

    /** The origins committed in {@code state}, or empty when nothing was committed there yet. */
    public static Optional<EntityOrigins> readCommitted(StateArea state) {
        return state.open(STATE_FILE).map(in -> read(in, "state file " + STATE_FILE));
    }

    /** The batch's pending origins, or empty for a batch extracted without them. */
    public static Optional<EntityOrigins> readPending(Batch batch) {
        if (!batch.exists(BATCH_FILE)) {
            return Optional.empty();
        }
        return Optional.of(read(batch.open(BATCH_FILE), "batch " + batch.id() + " file " + BATCH_FILE));
    }

    public void writePending(Batch batch) {
        try (StagedOutput out = batch.create(BATCH_FILE)) {
            write(out);
        }
    }

    void writeCommitted(StateArea state) {
        try (StagedOutput out = state.create(STATE_FILE)) {
            write(out);
        }
    }

    public Optional<EntityOrigin> of(String entity) {
        return Optional.ofNullable(byEntity.get(entity));
    }

    private void write(StagedOutput out) {
        try {
            StagingJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out, Map.of("entities", byEntity));
            out.commit();
        } catch (IOException e) {
            throw new StagingException("Cannot write the entities' origins: " + e.getMessage(), e);
        }
    }

    private static EntityOrigins read(InputStream stream, String where) {
        try (InputStream in = stream) {
            Map<String, Map<String, EntityOrigin>> root = StagingJson.mapper().readValue(in, FORMAT);
            Map<String, EntityOrigin> entities = root == null ? null : root.get("entities");
            if (entities == null) {
                throw new IOException("no \"entities\" object");
            }
            return new EntityOrigins(entities);
        } catch (IOException | RuntimeException e) {
            throw new StagingException(
                    "The entities' origins in " + where + " are unreadable (" + e.getMessage() + "). Delete the file:"
                            + " the next batch then reads every entity whole and starts its state afresh",
                    e);
        }
    }
}
