package io.twinsync.emulator.store;

import io.twinsync.dtdl.ModelSet;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The mutable maps behind the store. Not thread-safe: only touched while holding {@link EmulatorStore}'s lock.
 * Sorted maps keep listings and their continuation tokens stable.
 */
final class GraphState {

    final NavigableMap<String, StoredModel> models = new TreeMap<>();
    /** What the uploaded models say, read together (references resolved); replaced whole on every change. */
    ModelSet definitions = ModelSet.empty();

    final Map<String, StoredTwin> twins = new HashMap<>();
    final Map<String, NavigableMap<String, StoredRelationship>> outgoing = new HashMap<>();
    final Map<String, NavigableSet<RelationshipKey>> incoming = new HashMap<>();

    /** Adds models read into {@code withThem}, which holds the models already here and these. */
    void putModels(Iterable<StoredModel> added, ModelSet withThem) {
        added.forEach(model -> models.put(model.id(), model));
        definitions = withThem;
    }

    void removeModel(String id) {
        models.remove(id);
        definitions = definitions.without(id);
    }

    StoredTwin twin(String id) {
        StoredTwin twin = twins.get(id);
        if (twin == null) {
            throw new AdtException(AdtError.DIGITAL_TWIN_NOT_FOUND, "There is no digital twin with id '" + id + "'");
        }
        return twin;
    }

    NavigableMap<String, StoredRelationship> outgoingOf(String sourceId) {
        return outgoing.getOrDefault(sourceId, new TreeMap<>());
    }

    NavigableSet<RelationshipKey> incomingOf(String targetId) {
        return incoming.getOrDefault(targetId, new TreeSet<>());
    }

    StoredRelationship relationship(String sourceId, String relationshipId) {
        twin(sourceId);
        StoredRelationship relationship = outgoingOf(sourceId).get(relationshipId);
        if (relationship == null) {
            throw new AdtException(
                    AdtError.RELATIONSHIP_NOT_FOUND,
                    "Twin '" + sourceId + "' has no relationship with id '" + relationshipId + "'");
        }
        return relationship;
    }

    void putRelationship(StoredRelationship relationship) {
        StoredRelationship previous = outgoing.computeIfAbsent(relationship.sourceId(), k -> new TreeMap<>())
                .put(relationship.id(), relationship);
        if (previous != null) {
            unindexIncoming(previous);
        }
        incoming.computeIfAbsent(relationship.targetId(), k -> new TreeSet<>()).add(relationship.key());
    }

    void removeRelationship(StoredRelationship relationship) {
        NavigableMap<String, StoredRelationship> fromSource = outgoing.get(relationship.sourceId());
        if (fromSource != null) {
            fromSource.remove(relationship.id());
            if (fromSource.isEmpty()) {
                outgoing.remove(relationship.sourceId());
            }
        }
        unindexIncoming(relationship);
    }

    void clear() {
        models.clear();
        definitions = ModelSet.empty();
        twins.clear();
        outgoing.clear();
        incoming.clear();
    }

    private void unindexIncoming(StoredRelationship relationship) {
        NavigableSet<RelationshipKey> toTarget = incoming.get(relationship.targetId());
        if (toTarget != null) {
            toTarget.remove(relationship.key());
            if (toTarget.isEmpty()) {
                incoming.remove(relationship.targetId());
            }
        }
    }
}
