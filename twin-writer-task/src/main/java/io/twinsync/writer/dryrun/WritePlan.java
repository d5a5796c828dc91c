package io.twinsync.writer.dryrun;

import io.twinsync.staging.manifest.OutcomeCounts;
import io.twinsync.writer.report.ItemResult;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What writing a batch would do, as a dry run found it: nothing of it was sent.
 *
 * @param models the models to upload, by id, in upload order
 * @param twins the twins to create, patch or delete
 * @param relationships the relationships to create, patch or delete
 * @param twinCounts every twin file's planned outcome: created, patched, deleted, unchanged, failed (a twin the plan
 *     could not be made for), skipped
 * @param relationshipCounts the same for relationships
 * @param entities per mapping entity (of the twin, or of a relationship's source twin), its twins' and relationships'
 *     planned outcomes; {@value #UNKNOWN_ENTITY} for a relationship deleted with a twin no file describes
 * @param problems what stood in the way of planning an item, such as a twin whose model in ADT differs; the write
 *     would fail them too
 * @param reads the requests the plan sent to ADT (reads only)
 */
public record WritePlan(
        List<String> models,
        List<PlannedChange> twins,
        List<PlannedChange> relationships,
        OutcomeCounts twinCounts,
        OutcomeCounts relationshipCounts,
        Map<String, EntityPlan> entities,
        List<ItemResult> problems,
        long reads) {

    /** The entity of a relationship deleted with a twin that no twin file of the batch describes. */
    public static final String UNKNOWN_ENTITY = "(unmapped)";

    public WritePlan {
        models = List.copyOf(models);
        twins = List.copyOf(twins);
        relationships = List.copyOf(relationships);
        entities = Collections.unmodifiableMap(new TreeMap<>(entities)); // by name, as printed
        problems = List.copyOf(problems);
    }

    /** True when writing the batch would change the graph: a model, twin or relationship to write. */
    public boolean changes() {
        return !models.isEmpty() || !twins.isEmpty() || !relationships.isEmpty();
    }

    /** One entity's planned outcomes. */
    public record EntityPlan(OutcomeCounts twins, OutcomeCounts relationships) {}
}
