package io.twinsync.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.patch.PatchOperation;
import java.util.List;

/**
 * Hears what happened to the graph once it has happened: every committed twin and relationship write, and telemetry
 * sent on behalf of a twin (ADT routes all of them as event notifications). Writes are reported under the store's
 * write lock, right after the change is applied, so they arrive in commit order; an implementation must return
 * quickly and never throw. Arguments are immutable or never changed after the call.
 */
public interface GraphEventListener {

    /** Hears nothing: the store's default, so a store without a listener pays nothing. */
    GraphEventListener NONE = new GraphEventListener() {};

    /** A PUT created the twin. */
    default void twinCreated(StoredTwin twin) {}

    /** A PUT replaced {@code previous} with {@code twin}. */
    default void twinReplaced(StoredTwin previous, StoredTwin twin) {}

    /**
     * A JSON Patch changed the twin; {@code patch} as the client sent it (a component patch's paths start with the
     * component's name).
     */
    default void twinUpdated(StoredTwin twin, List<PatchOperation> patch) {}

    /** The twin, as it was, was deleted. */
    default void twinDeleted(StoredTwin twin) {}

    default void relationshipCreated(StoredRelationship relationship) {}

    /** A PUT replaced {@code previous}; {@code sourceModelId} is the model of the source twin. */
    default void relationshipReplaced(
            StoredRelationship previous, StoredRelationship relationship, String sourceModelId) {}

    /** A JSON Patch changed the relationship; {@code sourceModelId} is the model of its source twin. */
    default void relationshipUpdated(
            StoredRelationship relationship, String sourceModelId, List<PatchOperation> patch) {}

    /** The relationship, as it was, was deleted. */
    default void relationshipDeleted(StoredRelationship relationship) {}

    /**
     * Telemetry was sent on behalf of a twin or one of its components.
     *
     * @param component the component's name, or null for the twin itself
     * @param dataSchema the model of the twin, or of the component, that sends it
     */
    default void telemetrySent(
            StoredTwin twin, String component, String dataSchema, String messageId, JsonNode telemetry) {}
}
