package io.twinsync.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import io.twinsync.emulator.json.EmulatorJson;
import io.twinsync.emulator.patch.JsonPatchApplier;
import io.twinsync.emulator.patch.PatchOperation;
import io.twinsync.emulator.validation.RelationshipValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Relationship operations: get, create-or-replace, JSON Patch update, delete, outgoing and incoming listings. */
public final class RelationshipService {

    private final EmulatorStore store;

    RelationshipService(EmulatorStore store) {
        this.store = store;
    }

    public StoredRelationship get(String sourceId, String relationshipId) {
        return store.read(state -> state.relationship(sourceId, relationshipId));
    }

    public StoredRelationship createOrReplace(String sourceId, String id, JsonNode body, String ifNoneMatch) {
        if (body == null || !body.isObject()) {
            throw new AdtException(AdtError.INVALID_ARGUMENT, "The relationship must be a JSON object");
        }
        String targetId = requiredText(body, "$targetId", id);
        String name = requiredText(body, "$relationshipName", id);
        ObjectNode properties = EmulatorJson.object();
        body.properties().forEach(e -> {
            if (!e.getKey().startsWith("$")) {
                properties.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return store.write(state -> {
            StoredTwin source = state.twin(sourceId);
            StoredRelationship existing = state.outgoingOf(sourceId).get(id);
            ETags.checkIfNoneMatch(
                    ifNoneMatch, existing != null, "Relationship '" + id + "' of twin '" + sourceId + "'");
            if (targetId.equals(sourceId)) {
                throw new AdtException(
                        AdtError.OPERATION_NOT_ALLOWED,
                        "Relationship '" + id + "' connects twin '" + sourceId
                                + "' to itself, which ADT does not allow");
            }
            StoredTwin target = state.twins.get(targetId);
            if (target == null) {
                throw new AdtException(
                        AdtError.TARGET_TWIN_NOT_FOUND,
                        "The target twin '" + targetId + "' of relationship '" + id + "' from '" + sourceId
                                + "' does not exist; create it first");
            }
            RelationshipValidator.validate(ends(source, target), name, properties, state.definitions);
            StoredRelationship relationship =
                    new StoredRelationship(id, sourceId, targetId, name, properties, ETags.next());
            state.putRelationship(relationship);
            if (existing == null) {
                store.events().relationshipCreated(relationship);
            } else {
                store.events().relationshipReplaced(existing, relationship, source.modelId());
            }
            return relationship;
        });
    }

    public StoredRelationship update(String sourceId, String id, List<PatchOperation> operations, String ifMatch) {
        for (PatchOperation operation : operations) {
            if (operation.path().get(0).startsWith("$")) {
                throw new AdtException(
                        AdtError.JSON_PATCH_INVALID,
                        "Relationship '" + id + "': cannot patch " + operation.pointer()
                                + "; only relationship properties may be patched");
            }
        }
        return store.write(state -> {
            StoredRelationship existing = state.relationship(sourceId, id);
            ETags.checkIfMatch(ifMatch, existing.etag(), "relationship '" + id + "' of twin '" + sourceId + "'");
            ObjectNode properties = existing.properties().deepCopy();
            JsonPatchApplier.apply(properties, operations);
            StoredTwin source = state.twin(sourceId);
            StoredTwin target = state.twin(existing.targetId());
            RelationshipValidator.validate(ends(source, target), existing.name(), properties, state.definitions);
            StoredRelationship updated = new StoredRelationship(
                    id, sourceId, existing.targetId(), existing.name(), properties, ETags.next());
            DocumentSizeLimit.check(render(updated), "relationship '" + id + "' of twin '" + sourceId + "'");
            state.putRelationship(updated);
            store.events().relationshipUpdated(updated, source.modelId(), operations);
            return updated;
        });
    }

    public void delete(String sourceId, String id, String ifMatch) {
        store.write(state -> {
            StoredRelationship existing = state.relationship(sourceId, id);
            ETags.checkIfMatch(ifMatch, existing.etag(), "relationship '" + id + "' of twin '" + sourceId + "'");
            state.removeRelationship(existing);
            store.events().relationshipDeleted(existing);
            return null;
        });
    }

    /** Outgoing relationships of a twin in id order, optionally only those with one name. */
    public Page<StoredRelationship> listOutgoing(
            String sourceId, Optional<String> name, Optional<String> continuationToken, int pageSize) {
        return store.read(state -> {
            state.twin(sourceId);
            var all = state.outgoingOf(sourceId);
            String after = continuationToken.map(PageTokens::decode).orElse(null);
            List<StoredRelationship> items = new ArrayList<>();
            for (StoredRelationship relationship : (after == null ? all : all.tailMap(after, false)).values()) {
                if (name.isPresent() && !name.get().equals(relationship.name())) {
                    continue;
                }
                if (items.size() == pageSize) {
                    return new Page<>(
                            items,
                            Optional.of(PageTokens.encode(
                                    items.get(items.size() - 1).id())));
                }
                items.add(relationship);
            }
            return new Page<>(items, Optional.empty());
        });
    }

    /** Relationships that point at a twin, ordered by source and relationship id. */
    public Page<StoredRelationship> listIncoming(String targetId, Optional<String> continuationToken, int pageSize) {
        return store.read(state -> {
            state.twin(targetId);
            var all = state.incomingOf(targetId);
            RelationshipKey after = continuationToken
                    .map(PageTokens::decode)
                    .map(RelationshipService::key)
                    .orElse(null);
            List<StoredRelationship> items = new ArrayList<>();
            for (RelationshipKey key : after == null ? all : all.tailSet(after, false)) {
                if (items.size() == pageSize) {
                    StoredRelationship last = items.get(items.size() - 1);
                    return new Page<>(items, Optional.of(PageTokens.encode(last.sourceId() + "\n" + last.id())));
                }
                items.add(state.outgoingOf(key.sourceId()).get(key.relationshipId()));
            }
            return new Page<>(items, Optional.empty());
        });
    }

    /** The relationship in wire form. */
    public static ObjectNode render(StoredRelationship relationship) {
        ObjectNode document = EmulatorJson.object();
        document.put("$relationshipId", relationship.id());
        document.put("$etag", relationship.etag());
        document.put("$sourceId", relationship.sourceId());
        document.put("$relationshipName", relationship.name());
        document.put("$targetId", relationship.targetId());
        document.setAll(relationship.properties().deepCopy());
        return document;
    }

    static StoredRelationship parse(ObjectNode document) {
        ObjectNode properties = EmulatorJson.object();
        document.properties().forEach(e -> {
            if (!e.getKey().startsWith("$")) {
                properties.set(e.getKey(), e.getValue());
            }
        });
        return new StoredRelationship(
                document.path("$relationshipId").asText(),
                document.path("$sourceId").asText(),
                document.path("$targetId").asText(),
                document.path("$relationshipName").asText(),
                properties,
                document.path("$etag").asText(ETags.next()));
    }

    private static RelationshipValidator.Ends ends(StoredTwin source, StoredTwin target) {
        return new RelationshipValidator.Ends(source.id(), source.modelId(), target.id(), target.modelId());
    }

    private static RelationshipKey key(String decoded) {
        String[] parts = decoded.split("\n", 2);
        if (parts.length != 2) {
            throw new AdtException(AdtError.INVALID_ARGUMENT, "The continuation token is not valid");
        }
        return new RelationshipKey(parts[0], parts[1]);
    }

    private static String requiredText(JsonNode body, String field, String id) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new AdtException(
                    AdtError.INVALID_ARGUMENT, "Relationship '" + id + "' has no " + field + "; it is required");
        }
        return value.asText();
    }
}
