package io.twinsync.writer.apply;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.scope.EntityScope;
import io.twinsync.staging.scope.GraphScope;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.writer.report.ItemKind;
import io.twinsync.writer.report.ItemResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The twins of the mapped models that a full compare finds in the graph but no row of the batch produces: each
 * becomes a tombstone, to be deleted with its relationships as a deleted row's twin is. Under the guard that keeps a
 * broken read from deleting the graph: when more of a model's twins would go than its entities' {@code missingLimit}
 * allows, none goes and the batch says why. Nothing is deleted for a model when a row of it was rejected before its
 * twin id was known, when transform held back its deletions, or when an entity of it was read incrementally (then
 * the batch does not hold every row).
 *
 * @param tombstones the extra twins to delete
 * @param held one failed result per model whose extra twins were all kept because there were too many
 */
public record ExtraTwins(List<TwinFile> tombstones, List<ItemResult> held) {

    private static final Logger log = LoggerFactory.getLogger(ExtraTwins.class);

    public ExtraTwins {
        tombstones = List.copyOf(tombstones);
        held = List.copyOf(held);
    }

    /**
     * @param batchPaths the paths of the partition's twin files in the batch: a twin with a file is produced by a row
     *     (a tombstone's file deletes it already), even when the file could not be read
     * @param incremental the entities the batch read incrementally
     */
    public static ExtraTwins find(
            GraphSnapshot graph, GraphScope scope, Set<String> batchPaths, Set<String> incremental) {
        List<TwinFile> tombstones = new ArrayList<>();
        List<ItemResult> held = new ArrayList<>();
        for (String model : scope.models()) {
            List<EntityScope> entities = scope.entitiesOf(model);
            Set<String> rejected = new HashSet<>();
            entities.forEach(e -> rejected.addAll(e.rejectedTwinIds()));
            List<String> inGraph = graph.twinsOf(model);
            List<String> extra = inGraph.stream()
                    .filter(id -> !batchPaths.contains(BatchLayout.twinFile(id)) && !rejected.contains(id))
                    .toList();
            if (extra.isEmpty()) {
                continue;
            }
            String why = keptBecause(entities, incremental);
            if (why != null) {
                log.warn("Full compare: {} twins of {} that no row produces are kept: {}", extra.size(), model, why);
                continue;
            }
            double limit =
                    entities.stream().mapToDouble(EntityScope::extraLimit).min().orElse(0.5);
            if (extra.size() > limit * inGraph.size()) {
                held.add(tooMany(model, entities, extra, inGraph.size(), limit));
                continue;
            }
            String entity = entities.get(0).entity();
            extra.forEach(id -> tombstones.add(tombstone(entity, model, id)));
        }
        return new ExtraTwins(tombstones, held);
    }

    private static String keptBecause(List<EntityScope> entities, Set<String> incremental) {
        for (EntityScope entity : entities) {
            if (incremental.contains(entity.entity())) {
                return "entity " + entity.entity() + " was read incrementally, so the batch may lack their rows";
            }
            if (entity.rejectedWithoutId() > 0) {
                return entity.rejectedWithoutId() + " rows of entity " + entity.entity() + " were rejected before"
                        + " their twin id was known, and any of these twins may be theirs (see the rejects file)";
            }
            if (entity.deletionsHeld()) {
                return "too many rows of entity " + entity.entity() + " are missing (TOO_MANY_MISSING_ROWS)";
            }
        }
        return null;
    }

    private static TwinFile tombstone(String entity, String model, String twinId) {
        ObjectNode twin = JsonNodeFactory.instance.objectNode();
        twin.put("$dtId", twinId);
        twin.putObject("$metadata").put("$model", model);
        return TwinFile.of(entity, JsonNodeFactory.instance.objectNode(), true, twin, List.of(), List.of());
    }

    private static ItemResult tooMany(
            String model, List<EntityScope> entities, List<String> extra, int inGraph, double limit) {
        String names = entities.stream().map(EntityScope::entity).collect(Collectors.joining(", "));
        String share = String.format(Locale.ROOT, "%.1f %%", 100.0 * extra.size() / inGraph);
        return ItemResult.failure(
                ItemKind.TWIN,
                model,
                null,
                0,
                0,
                "TooManyExtraTwins",
                extra.size() + " of the graph's " + inGraph + " twins of " + model + " (" + share + ") are produced by"
                        + " no row of " + names + ", more than deleted.missingLimit allows ("
                        + String.format(Locale.ROOT, "%.1f %%", 100.0 * limit) + "), so none was deleted; for"
                        + " example " + String.join(", ", extra.subList(0, Math.min(3, extra.size()))) + ". If"
                        + " they really are to go, raise missingLimit for one run; if not, check the entity's query"
                        + " or table (an empty or cut-short read looks like this).");
    }
}
