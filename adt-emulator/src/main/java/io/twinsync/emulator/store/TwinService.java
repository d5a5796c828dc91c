package io.twinsync.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import io.twinsync.emulator.patch.JsonPatchApplier;
import io.twinsync.emulator.patch.PatchOperation;
import io.twinsync.emulator.validation.TwinValidator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Twin operations: get, create-or-replace, JSON Patch update (also of one component), delete. */
public final class TwinService {

    private static final List<String> MODEL_PATH = List.of("$metadata", "$model");

    private final EmulatorStore store;

    TwinService(EmulatorStore store) {
        this.store = store;
    }

    public StoredTwin get(String id) {
        return store.read(state -> state.twin(id));
    }

    public StoredTwin createOrReplace(String id, JsonNode body, String ifNoneMatch) {
        if (body == null || !body.isObject()) {
            throw new AdtException(AdtError.INVALID_ARGUMENT, "The twin must be a JSON object");
        }
        JsonNode model = body.path("$metadata").path("$model");
        if (!model.isTextual() || model.asText().isBlank()) {
            throw new AdtException(
                    AdtError.VALIDATION_FAILED,
                    "Invalid twin specified: twin '" + id + "' has no $metadata.$model; send"
                            + " {\"$metadata\":{\"$model\":\"dtmi:...;1\"}, ...}");
        }
        String modelId = model.asText();
        return store.write(state -> {
            StoredTwin existing = state.twins.get(id);
            ETags.checkIfNoneMatch(ifNoneMatch, existing != null, "Twin '" + id + "'");
            checkUsable(state, id, modelId, existing);
            Set<String> components = state.definitions.components(modelId).keySet();
            ObjectNode contents = TwinDocuments.contentsOf((ObjectNode) body, components);
            TwinValidator.validate(id, modelId, contents, state.definitions);
            Instant now = Instant.now();
            Set<String> present = present(components, contents);
            Map<String, Instant> times = new HashMap<>();
            TwinDocuments.propertyKeys(contents, components).forEach(key -> times.put(key, now));
            present.forEach(component -> times.put(component, now));
            StoredTwin twin = new StoredTwin(id, modelId, contents, times, Map.of(), present, now, ETags.next());
            state.twins.put(id, twin);
            if (existing == null) {
                store.events().twinCreated(twin);
            } else {
                store.events().twinReplaced(existing, twin);
            }
            return twin;
        });
    }

    public StoredTwin update(String id, List<PatchOperation> operations, String ifMatch) {
        return update(id, operations, ifMatch, null);
    }

    /** Patches one component: the operations' paths are relative to the component. */
    public StoredTwin updateComponent(String id, String component, List<PatchOperation> operations, String ifMatch) {
        List<PatchOperation> prefixed = new ArrayList<>();
        for (PatchOperation operation : operations) {
            List<String> path = new ArrayList<>(List.of(component));
            path.addAll(operation.path());
            prefixed.add(new PatchOperation(operation.op(), path, operation.value()));
        }
        return update(id, prefixed, ifMatch, component);
    }

    /**
     * Applies a patch under the write lock. A patched component is checked there too, so a concurrent PUT that
     * drops it answers ComponentNotFound rather than a confusing JsonPatchInvalid.
     */
    private StoredTwin update(String id, List<PatchOperation> operations, String ifMatch, String requiredComponent) {
        return store.write(state -> {
            StoredTwin existing = state.twin(id);
            if (requiredComponent != null) {
                requireComponent(existing, requiredComponent);
            }
            ETags.checkIfMatch(ifMatch, existing.etag(), "twin '" + id + "'");
            String modelId = existing.modelId();
            List<PatchOperation> contentOperations = new ArrayList<>();
            List<PatchOperation> sourceTimeOperations = new ArrayList<>();
            for (PatchOperation operation : operations) {
                if (operation.path().equals(MODEL_PATH) && operation.op() != PatchOperation.Op.REMOVE) {
                    modelId = operation.value().asText();
                } else if (SourceTimePatches.propertyKey(operation.path()).isPresent()) {
                    sourceTimeOperations.add(operation);
                } else if (operation.path().stream().anyMatch(segment -> segment.startsWith("$"))) {
                    throw new AdtException(
                            AdtError.JSON_PATCH_INVALID,
                            "Twin '" + id + "': cannot " + operation.op().name().toLowerCase(java.util.Locale.ROOT)
                                    + " " + operation.pointer() + "; only properties, components,"
                                    + " /$metadata/$model and /$metadata/{property}/sourceTime may be patched");
                } else {
                    contentOperations.add(operation);
                }
            }
            if (!modelId.equals(existing.modelId())) {
                checkUsable(state, id, modelId, null);
            }
            ObjectNode patched = existing.contents().deepCopy();
            JsonPatchApplier.apply(patched, contentOperations);
            // a component added or replaced whole may carry its own $metadata; it is rendered, never stored
            Set<String> declared = state.definitions.components(modelId).keySet();
            ObjectNode contents = TwinDocuments.contentsOf(patched, declared);
            TwinValidator.validate(id, modelId, contents, state.definitions);
            Set<String> components = present(declared, contents);
            // one instant per write: the service stamps the twin and the properties it wrote alike (recorded)
            Instant now = Instant.now();
            StoredTwin twin = new StoredTwin(
                    id,
                    modelId,
                    contents,
                    updatedTimes(existing, contents, components, contentOperations, now),
                    SourceTimePatches.apply(
                            id,
                            existing.sourceTimes(),
                            sourceTimeOperations,
                            TwinDocuments.propertyKeys(contents, components)),
                    components,
                    now,
                    ETags.next());
            DocumentSizeLimit.check(TwinDocuments.render(twin), "twin '" + id + "'");
            state.twins.put(id, twin);
            store.events().twinUpdated(twin, operations);
            return twin;
        });
    }

    /** The twin, after checking that it has the named component. */
    public StoredTwin getWithComponent(String id, String component) {
        StoredTwin twin = get(id);
        requireComponent(twin, component);
        return twin;
    }

    public void delete(String id, String ifMatch) {
        store.write(state -> {
            StoredTwin existing = state.twin(id);
            ETags.checkIfMatch(ifMatch, existing.etag(), "twin '" + id + "'");
            int outgoing = state.outgoingOf(id).size();
            int incoming = state.incomingOf(id).size();
            if (outgoing + incoming > 0) {
                throw new AdtException(
                        AdtError.RELATIONSHIPS_NOT_DELETED,
                        "Twin '" + id + "' still has " + outgoing + " outgoing and " + incoming
                                + " incoming relationships; delete them before the twin");
            }
            state.twins.remove(id);
            store.events().twinDeleted(existing);
            return null;
        });
    }

    private static void checkUsable(GraphState state, String id, String modelId, StoredTwin existing) {
        StoredModel model = state.models.get(modelId);
        if (model == null) {
            throw new AdtException(
                    AdtError.VALIDATION_FAILED,
                    "Invalid twin specified: twin '" + id + "' uses model " + modelId
                            + ", which is not uploaded (or was deleted). Upload the model first.");
        }
        boolean keepsModel = existing != null && existing.modelId().equals(modelId);
        if (model.decommissioned() && !keepsModel) {
            throw new AdtException(
                    AdtError.MODEL_DECOMMISSIONED,
                    "Model " + modelId + " is decommissioned; new twins cannot use it (twin '" + id + "')");
        }
    }

    private static void requireComponent(StoredTwin twin, String component) {
        if (!twin.componentNames().contains(component)) {
            throw new AdtException(
                    AdtError.COMPONENT_NOT_FOUND, "Twin '" + twin.id() + "' has no component '" + component + "'");
        }
    }

    private static Set<String> present(Set<String> declared, ObjectNode contents) {
        Set<String> present = new HashSet<>(declared);
        present.removeIf(name -> !contents.has(name));
        return present;
    }

    /**
     * Keeps the time of untouched properties; properties an operation wrote (or that are new) get now, and so does
     * a component whose properties an operation wrote.
     */
    private static Map<String, Instant> updatedTimes(
            StoredTwin existing,
            ObjectNode contents,
            Set<String> components,
            List<PatchOperation> operations,
            Instant now) {
        Set<String> touched = new HashSet<>();
        Set<String> touchedComponents = new HashSet<>();
        for (PatchOperation operation : operations) {
            List<String> path = operation.path();
            String first = path.get(0);
            touched.add(components.contains(first) && path.size() > 1 ? first + "/" + path.get(1) : first);
            touchedComponents.add(first);
        }
        Map<String, Instant> times = new HashMap<>();
        for (String key : TwinDocuments.propertyKeys(contents, components)) {
            String top = key.split("/", 2)[0];
            boolean written = touched.contains(key) || touched.contains(top);
            Instant previous = existing.propertyTimes().get(key);
            times.put(key, written || previous == null ? now : previous);
        }
        for (String component : components) {
            Instant previous = existing.propertyTimes().get(component);
            times.put(component, touchedComponents.contains(component) || previous == null ? now : previous);
        }
        return times;
    }
}
