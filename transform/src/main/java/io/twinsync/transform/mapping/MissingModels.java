package io.twinsync.transform.mapping;

import io.twinsync.dtdl.ModelSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits what the listed models refer to but no listed file defines: what the mapping's entities need (the closure of
 * their twin models through {@code extends}, components and schemas) is a mapping problem, since transform types
 * properties with it; the rest is a {@link MissingModel} for whoever uploads the models to check against the target.
 */
final class MissingModels {

    private MissingModels() {}

    /** The interfaces that {@code models} refer to but does not define, each with the listed interfaces that do. */
    static Set<String> ids(ModelSet models) {
        return models.unresolvedReferences().keySet();
    }

    /** The missing interfaces one model needs, directly or through what it extends or uses, in id order. */
    static List<String> neededBy(ModelSet models, String modelId) {
        return models.closure(List.of(modelId)).stream()
                .filter(ids(models)::contains)
                .sorted()
                .toList();
    }

    /**
     * Adds a problem for each missing interface an entity needs and returns the others.
     *
     * @param twinModels each entity (as the mapping names it, such as {@code entity 'pump'}) with its twin model, for
     *     the entities whose model the listed files define
     * @param base the folder candidate files are named relative to
     */
    static Map<String, MissingModel> split(
            ModelSet models,
            Map<String, String> twinModels,
            ModelCandidates candidates,
            Path base,
            MappingProblems problems) {
        Set<String> used = models.closure(twinModels.values());
        Map<String, MissingModel> unused = new TreeMap<>();
        for (String id : ids(models)) {
            Set<String> referrers = models.unresolvedReferences().get(id);
            String advice = candidates.advice(id, base);
            if (used.contains(id)) {
                problems.add("models: " + id + " is not defined by any listed model file, but "
                        + referrers(models, referrers) + (referrers.size() == 1 ? " refers" : " refer") + " to it, and "
                        + entities(models, twinModels, id) + " to type its twins; " + advice);
            } else {
                unused.put(id, new MissingModel(id, referrers, candidates.files(id), advice));
            }
        }
        return unused;
    }

    /** The entities whose twin model needs the interface, such as {@code entity 'pump' (model ...) needs it}. */
    private static String entities(ModelSet models, Map<String, String> twinModels, String id) {
        List<String> needing = new ArrayList<>();
        twinModels.forEach((entity, model) -> {
            if (models.closure(List.of(model)).contains(id)) {
                needing.add(entity + " (model " + model + ")");
            }
        });
        return String.join(", ", needing) + (needing.size() == 1 ? " needs it" : " need it");
    }

    /** The interfaces with their files, such as {@code dtmi:example:Pump;1 (ontology/Pump.json)}. */
    private static String referrers(ModelSet models, Collection<String> ids) {
        return String.join(
                ", ",
                ids.stream()
                        .map(id -> id
                                + models.find(id)
                                        .map(i -> " (" + i.source() + ")")
                                        .orElse(""))
                        .toList());
    }
}
