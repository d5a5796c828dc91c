package io.twinsync.transform.twin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.Batch;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.json.ContentHash;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.reject.Reject;
import io.twinsync.staging.rows.StagedRow;
import io.twinsync.staging.rows.StagedRowReader;
import io.twinsync.transform.presence.PresenceEntry;
import io.twinsync.transform.presence.PresenceStore;
import io.twinsync.transform.presence.PresenceWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a link entity's rows into the relationships its source twins' files will list, and writes the batch's list
 * of them ({@code present/{entity}.ndjson}, with each row's relationship), which the next batch compares with:
 *
 * <ul>
 *   <li>read whole, the rows are every link there is, except that a row rejected now keeps the relationship it gave
 *       in the last committed batch (the row still exists; a bad value must not delete its relationship);
 *   <li>read incrementally (only rows changed since), the last committed batch's relationships of the rows not read
 *       again are kept, and a row read again replaces its own (a row flagged deleted, or without a target, removes it).
 * </ul>
 *
 * A row deleted outright in the source is seen only by a whole read, as for twins.
 */
final class LinkRowWriter {

    private static final Logger log = LoggerFactory.getLogger(LinkRowWriter.class);

    private final Batch batch;
    private final LinkedRelationships links;
    private final Consumer<Reject> rejects;

    LinkRowWriter(Batch batch, LinkedRelationships links, Consumer<Reject> rejects) {
        this.batch = batch;
        this.links = links;
        this.rejects = rejects;
    }

    /** A row read this batch: its key, and the relationship it gives (null: none), unless it was rejected. */
    private record ReadRow(
            String key, ObjectNode sourceKey, String sourceTwinId, ObjectNode relationship, long number) {}

    /**
     * Reads the link entity's rows and holds their relationships for its source entity's twin files.
     *
     * @param committed the staging state with the entity's last committed list, or null to compare with none
     * @param incremental whether the rows are only those changed since the last committed batch
     * @param presence the writer of the batch's list; the caller commits it with the batch's other lists
     */
    EntityCounts write(
            EntityPlan plan,
            StagedRowReader reader,
            StateArea committed,
            boolean incremental,
            PresenceWriter presence) {
        Map<String, PresenceEntry> earlier = new LinkedHashMap<>();
        boolean known = committed != null
                && PresenceStore.readCommitted(committed, plan.entity(), entry -> {
                    if (entry.relationship() != null) {
                        earlier.put(keyText(entry.sourceKey()), entry);
                    }
                });
        RelationshipPlan relationship = plan.relationships().get(0);
        boolean owned = relationship.removeStale() && (known || !incremental);
        if (relationship.removeStale() && !owned) {
            log.warn(
                    "Batch {}: entity {} was read incrementally but no list of its earlier rows was committed;"
                            + " its '{}' relationships are written, and none removed, this batch",
                    batch.id(),
                    plan.entity(),
                    relationship.name());
        }
        links.register(plan, owned);
        TwinRowBuilder builder = new TwinRowBuilder(plan);
        List<ReadRow> read = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> rejected = new HashSet<>();
        long rows = 0;
        long rejectedRows = 0;
        while (reader.hasNext()) {
            StagedRow row = reader.next();
            rows++;
            ObjectNode sourceKey = StagedValues.key(plan, row);
            String key = keyText(sourceKey);
            seen.add(key);
            TwinRowBuilder.Result result = builder.build(row);
            if (!result.problems().isEmpty()) {
                rejectedRows++;
                rejected.add(key);
                EntityTwinWriter.rejects(plan, row, result.problems()).forEach(rejects);
                continue;
            }
            ObjectNode given =
                    result.file().tombstone() || result.file().relationships().isEmpty()
                            ? null
                            : result.file().relationships().get(0);
            read.add(new ReadRow(key, sourceKey, result.twinId(), given, row.number()));
        }
        // a whole read without most of the rows the last batch had is more likely a broken query or table than a
        // source that lost them: keep their relationships and say so (MissingRowSweep does the same for twins)
        long gone = incremental
                ? 0
                : earlier.keySet().stream().filter(key -> !seen.contains(key)).count();
        boolean held = gone > 0 && gone > plan.missing().limit() * earlier.size();
        if (held) {
            rejectedRows++;
            rejects.accept(TooManyMissing.reject(
                    plan,
                    "relationship.missingLimit",
                    "rows link entity " + plan.entity(),
                    "none of their '" + relationship.name() + "' relationships was removed",
                    earlier.size(),
                    gone));
        }
        // what the source still gives from the last committed batch: the rows rejected now, with an incremental read
        // the rows not read again, and when held, the rows missing from this read
        for (Map.Entry<String, PresenceEntry> before : earlier.entrySet()) {
            if (rejected.contains(before.getKey()) || ((incremental || held) && !seen.contains(before.getKey()))) {
                PresenceEntry entry = before.getValue();
                hold(plan, entry.twinId(), entry.sourceKey(), entry.relationship(), 0, presence);
            }
        }
        for (ReadRow row : read) {
            if (row.relationship() != null) {
                if (!hold(plan, row.sourceTwinId(), row.sourceKey(), row.relationship(), row.number(), presence)) {
                    rejectedRows++;
                }
            }
        }
        return new EntityCounts(plan.entity(), rows, 0, 0, 0, rejectedRows);
    }

    /** Holds a relationship for its source twin and lists it; false (rejected) when its id is taken there. */
    private boolean hold(
            EntityPlan plan,
            String sourceTwinId,
            ObjectNode sourceKey,
            ObjectNode relationship,
            long rowNumber,
            PresenceWriter presence) {
        Map<String, Object> rowKey = keyMap(sourceKey);
        RowProblem duplicate = links.add(
                plan.linkSource(),
                sourceTwinId,
                new LinkedRelationships.Linked(relationship, plan.entity(), rowNumber, rowKey));
        if (duplicate != null) {
            rejects.accept(new Reject(
                    EntityTwinWriter.STAGE,
                    plan.entity(),
                    rowNumber,
                    rowKey,
                    duplicate.field(),
                    duplicate.value(),
                    duplicate.code().name(),
                    duplicate.reason()));
            return false;
        }
        presence.write(new PresenceEntry(sourceTwinId, sourceKey, relationship));
        return true;
    }

    private static String keyText(ObjectNode key) {
        return ContentHash.canonical(key).toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> keyMap(ObjectNode key) {
        return StagingJson.mapper().convertValue(key, LinkedHashMap.class);
    }
}
