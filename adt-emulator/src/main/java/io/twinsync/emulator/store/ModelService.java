package io.twinsync.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import io.twinsync.emulator.model.DtdlInterface;
import io.twinsync.emulator.model.DtdlParser;
import io.twinsync.emulator.model.ModelCatalog;
import io.twinsync.emulator.model.ModelSetValidator;
import io.twinsync.emulator.patch.PatchOperation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Model operations: upload (all or nothing), get, list with dependencies, decommission, delete. */
public final class ModelService {

    /** ADT accepts at most this many models in one {@code POST /models}. */
    public static final int MAX_MODELS_PER_REQUEST = 250;

    /** ADT accepts at most this many models in one import job (Microsoft's limits page). */
    public static final int MAX_MODELS_PER_IMPORT = 10_000;

    private final EmulatorStore store;

    ModelService(EmulatorStore store) {
        this.store = store;
    }

    /** {@code POST /models}: a JSON array of at most {@value #MAX_MODELS_PER_REQUEST} interfaces, all or nothing. */
    public List<StoredModel> add(JsonNode body) {
        if (body == null || !body.isArray() || body.isEmpty()) {
            throw new AdtException(
                    AdtError.INVALID_ARGUMENT, "The body must be a non-empty JSON array of DTDL interfaces");
        }
        if (body.size() > MAX_MODELS_PER_REQUEST) {
            throw new AdtException(
                    AdtError.LIMIT_EXCEEDED,
                    "A request may upload at most " + MAX_MODELS_PER_REQUEST + " models; this one has " + body.size()
                            + ". Split it.");
        }
        List<JsonNode> models = new ArrayList<>();
        body.forEach(models::add);
        return addAll(models);
    }

    /**
     * The Models section of an import job: up to {@value #MAX_MODELS_PER_IMPORT} interfaces, all or nothing, with
     * the same checks as {@link #add}.
     */
    public List<StoredModel> importModels(List<JsonNode> models) {
        if (models.size() > MAX_MODELS_PER_IMPORT) {
            throw new AdtException(
                    AdtError.LIMIT_EXCEEDED,
                    "An import job may upload at most " + MAX_MODELS_PER_IMPORT + " models; this one has "
                            + models.size());
        }
        return models.isEmpty() ? List.of() : addAll(models);
    }

    private List<StoredModel> addAll(List<JsonNode> models) {
        Map<String, StoredModel> batch = new LinkedHashMap<>();
        Instant now = Instant.now();
        for (JsonNode source : models) {
            DtdlInterface definition = DtdlParser.parse(source);
            if (batch.put(definition.id(), new StoredModel(definition, source.deepCopy(), now, false)) != null) {
                throw new AdtException(
                        AdtError.DTDL_PARSER_ERROR, "Model " + definition.id() + " appears twice in the request");
            }
        }
        return store.write(state -> {
            List<String> existing =
                    batch.keySet().stream().filter(state.models::containsKey).toList();
            if (!existing.isEmpty()) {
                throw new AdtException(
                        AdtError.MODEL_ID_ALREADY_EXISTS,
                        "Models already exist: " + existing + ". No model of this request was added.");
            }
            Map<String, DtdlInterface> combined = new HashMap<>(state.definitions);
            batch.values().forEach(m -> combined.put(m.id(), m.definition()));
            ModelSetValidator.validate(
                    batch.values().stream().map(StoredModel::definition).toList(), new ModelCatalog(combined));
            batch.values().forEach(state::putModel);
            return List.copyOf(batch.values());
        });
    }

    public StoredModel get(String id) {
        return store.read(state -> model(state, id));
    }

    /**
     * Lists models in id order.
     *
     * @param dependenciesFor when not empty, only these models and the models they need
     */
    public Page<StoredModel> list(List<String> dependenciesFor, Optional<String> continuationToken, int pageSize) {
        return store.read(state -> {
            TreeSet<String> ids = new TreeSet<>();
            if (dependenciesFor.isEmpty()) {
                ids.addAll(state.models.keySet());
            } else {
                for (String id : dependenciesFor) {
                    model(state, id);
                    ids.add(id);
                    ids.addAll(state.catalog.dependencies(id));
                }
            }
            String after = continuationToken.map(PageTokens::decode).orElse(null);
            List<StoredModel> items = new ArrayList<>();
            for (String id : after == null ? ids : ids.tailSet(after, false)) {
                if (items.size() == pageSize) {
                    return new Page<>(
                            items,
                            Optional.of(PageTokens.encode(
                                    items.get(items.size() - 1).id())));
                }
                Optional.ofNullable(state.models.get(id)).ifPresent(items::add);
            }
            return new Page<>(items, Optional.empty());
        });
    }

    /** Applies ADT's one supported model patch: {@code replace /decommissioned true}. */
    public void update(String id, List<PatchOperation> operations) {
        for (PatchOperation operation : operations) {
            boolean decommission = operation.op() != PatchOperation.Op.REMOVE
                    && operation.path().equals(List.of("decommissioned"))
                    && operation.value().isBoolean()
                    && operation.value().asBoolean();
            if (!decommission) {
                throw new AdtException(
                        AdtError.JSON_PATCH_INVALID,
                        "Models accept only {\"op\":\"replace\",\"path\":\"/decommissioned\",\"value\":true};"
                                + " a decommissioned model cannot be recommissioned");
            }
        }
        store.write(state -> state.models.put(id, model(state, id).decommission()));
    }

    /** Deletes a model unless another model still refers to it (extends, component, target, named schema). */
    public void delete(String id) {
        store.write(state -> {
            StoredModel model = model(state, id);
            List<String> referrers = state.definitions.values().stream()
                    .filter(other -> !other.id().equals(id))
                    .filter(other -> other.interfaceReferences().contains(id)
                            || other.schemaReferences().stream()
                                    .anyMatch(ref ->
                                            model.definition().namedSchemas().containsKey(ref)))
                    .map(DtdlInterface::id)
                    .sorted()
                    .toList();
            if (!referrers.isEmpty()) {
                throw new AdtException(
                        AdtError.MODEL_REFERENCES_NOT_DELETED,
                        "Model " + id + " is still referenced by " + referrers + "; delete those models first");
            }
            state.removeModel(id);
            return null;
        });
    }

    private static StoredModel model(GraphState state, String id) {
        StoredModel model = state.models.get(id);
        if (model == null) {
            throw new AdtException(AdtError.MODEL_NOT_FOUND, "There is no model with id '" + id + "'");
        }
        return model;
    }
}
