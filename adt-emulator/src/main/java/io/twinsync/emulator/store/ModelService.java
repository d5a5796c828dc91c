package io.twinsync.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.dtdl.DtdlProblem;
import io.twinsync.dtdl.DtdlReader;
import io.twinsync.dtdl.DtdlSource;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import io.twinsync.emulator.patch.PatchOperation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.IntFunction;

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
        return addAll(models, i -> "model[" + i + "]");
    }

    /**
     * The Models section of an import job: up to {@value #MAX_MODELS_PER_IMPORT} interfaces, all or nothing, with
     * the same checks as {@link #add}; {@code nameOf} names the i-th model in problems (its line of the file).
     */
    public List<StoredModel> importModels(List<JsonNode> models, IntFunction<String> nameOf) {
        if (models.size() > MAX_MODELS_PER_IMPORT) {
            throw new AdtException(
                    AdtError.LIMIT_EXCEEDED,
                    "An import job may upload at most " + MAX_MODELS_PER_IMPORT + " models; this one has "
                            + models.size());
        }
        return models.isEmpty() ? List.of() : addAll(models, nameOf);
    }

    /**
     * Reads the models against the ones already uploaded (references resolve to either) and adds all of them, or
     * none: a model id that exists already is 409 {@code ModelIdAlreadyExists} (as recorded,
     * ModelsTest.createModelThrowsIfModelAlreadyExists); anything the DTDL reader finds wrong is 400
     * {@code DTDLParserError}, each problem in the error's details.
     */
    private List<StoredModel> addAll(List<JsonNode> models, IntFunction<String> nameOf) {
        List<DtdlSource> sources = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            sources.add(DtdlSource.ofJson(nameOf.apply(i), models.get(i)));
        }
        Instant now = Instant.now();
        return store.write(state -> {
            List<String> existing = models.stream()
                    .map(m -> m.path("@id").asText(""))
                    .filter(state.models::containsKey)
                    .distinct()
                    .toList();
            if (!existing.isEmpty()) {
                throw new AdtException(
                        AdtError.MODEL_ID_ALREADY_EXISTS,
                        "Models already exist: " + existing + ". No model of this request was added.");
            }
            DtdlReader.Result read = READER.read(sources, state.definitions);
            if (read.hasProblems()) {
                throw refused(read.problems());
            }
            List<StoredModel> added = new ArrayList<>();
            for (JsonNode source : models) {
                String id = source.path("@id").asText();
                added.add(new StoredModel(read.models().find(id).orElseThrow(), source.deepCopy(), now, false));
            }
            state.putModels(added, read.models());
            return List.copyOf(added);
        });
    }

    private static final DtdlReader READER = DtdlReader.forService();

    /**
     * The service's answer to invalid DTDL. Its message starts as the real one does ("None of the models in this
     * request could be created due to a problem with one or more models: ...", a user's report of the service's
     * answer, RealEstateCore/rec#154); the details list every problem with its model and element.
     */
    private static AdtException refused(List<DtdlProblem> problems) {
        List<String> details = problems.stream().map(DtdlProblem::toString).toList();
        String shown = String.join("; ", details.subList(0, Math.min(details.size(), 5)))
                + (details.size() > 5 ? "; and " + (details.size() - 5) + " more" : "");
        return new AdtException(
                AdtError.DTDL_PARSER_ERROR,
                "None of the models in this request could be created due to a problem with one or more models: "
                        + shown,
                details);
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
                    ids.addAll(state.definitions.closure(List.of(id)));
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

    /**
     * Deletes a model unless another model needs it ({@code extends} it or uses it as a component's schema). A model
     * named only as another's relationship target is deleted: the service answers 204 (recorded,
     * ModelsTest.modelLifecycleTest) and DTDL gives targets "by reference" semantics.
     */
    public void delete(String id) {
        store.write(state -> {
            model(state, id);
            var dependents = state.definitions.dependents(id);
            if (!dependents.isEmpty()) {
                throw new AdtException(
                        AdtError.MODEL_REFERENCES_NOT_DELETED,
                        "Model " + id + " is still referenced by " + dependents + "; delete those models first");
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
