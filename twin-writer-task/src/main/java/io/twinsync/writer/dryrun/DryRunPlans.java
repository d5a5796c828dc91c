package io.twinsync.writer.dryrun;

import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.writer.apply.TwinOutcome;
import io.twinsync.writer.report.ItemAction;
import io.twinsync.writer.report.ItemKind;
import io.twinsync.writer.report.ItemResult;
import io.twinsync.writer.report.ResultsWriter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Puts a dry run's recorded writes and result lines together into its {@link WritePlan}. */
public final class DryRunPlans {

    private static final Comparator<PlannedChange> ORDER = Comparator.comparing(PlannedChange::action)
            .thenComparing(PlannedChange::twinId)
            .thenComparing(c -> c.relationshipId() == null ? "" : c.relationshipId());

    private DryRunPlans() {}

    /**
     * @param models the models the plan uploads
     * @param adt the gateway that recorded the twins' and relationships' writes
     * @param twins the twin phase's outcomes, which name each twin's entity and model
     * @param results every result line the planned write gave
     * @param reads the requests sent
     */
    public static WritePlan of(
            List<String> models, PlanningGateway adt, List<TwinOutcome> twins, List<ItemResult> results, long reads) {
        Map<String, TwinFile> files = new HashMap<>();
        for (TwinOutcome twin : twins) {
            if (twin.file() != null) {
                files.put(twin.file().twinId(), twin.file());
            }
        }
        List<PlannedChange> twinChanges = adt.twinChanges().values().stream()
                .map(change -> described(change, files.get(change.twinId()), true))
                .sorted(ORDER)
                .toList();
        List<PlannedChange> relationshipChanges = adt.relationshipChanges().values().stream()
                .map(change -> described(change, files.get(change.twinId()), false))
                .sorted(ORDER)
                .toList();
        Map<String, Map<ItemKind, long[]>> perEntity = new TreeMap<>();
        Map<ItemKind, long[]> overall = counters();
        for (ItemResult result : results) {
            TwinFile file = result.twinId() == null ? null : files.get(result.twinId());
            String entity = file == null || file.entity() == null ? WritePlan.UNKNOWN_ENTITY : file.entity();
            overall.get(result.kind())[result.action().ordinal()]++;
            perEntity.computeIfAbsent(entity, e -> counters())
                    .get(result.kind())[result.action().ordinal()]++;
        }
        Map<String, WritePlan.EntityPlan> entities = new TreeMap<>();
        perEntity.forEach((entity, counts) -> entities.put(
                entity,
                new WritePlan.EntityPlan(
                        counts(counts.get(ItemKind.TWIN)), counts(counts.get(ItemKind.RELATIONSHIP)))));
        List<ItemResult> problems = results.stream().filter(ItemResult::failed).toList();
        return new WritePlan(
                models,
                twinChanges,
                relationshipChanges,
                counts(overall.get(ItemKind.TWIN)),
                counts(overall.get(ItemKind.RELATIONSHIP)),
                entities,
                problems,
                reads);
    }

    private static PlannedChange described(PlannedChange change, TwinFile file, boolean twin) {
        if (file == null) {
            return change;
        }
        PlannedChange described = change.withEntity(file.entity());
        return twin && described.model() == null ? described.withModel(file.modelId()) : described;
    }

    private static Map<ItemKind, long[]> counters() {
        Map<ItemKind, long[]> counters = new EnumMap<>(ItemKind.class);
        for (ItemKind kind : ItemKind.values()) {
            counters.put(kind, new long[ItemAction.values().length]);
        }
        return counters;
    }

    private static OutcomeCounts counts(long[] c) {
        return ResultsWriter.counts(c);
    }
}
