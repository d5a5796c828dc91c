package io.twinsync.transform.twin;

import io.twinsync.staging.Batch;
import io.twinsync.staging.StagedFolder;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.reject.Reject;
import io.twinsync.staging.reject.RejectWriter;
import io.twinsync.staging.rows.StagedRow;
import io.twinsync.staging.rows.StagedRowReader;
import io.twinsync.staging.scope.EntityScope;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.transform.mapping.MissingRows;
import io.twinsync.transform.presence.PresenceEntry;
import io.twinsync.transform.presence.PresenceWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams the staged rows of planned entities into twin files, one row at a time, and records a reject for every
 * problem of a row that cannot become a twin. One instance per batch: it remembers twin ids across entities, since
 * ADT ids are unique across the whole graph. For entities with deletion by absence it also writes the batch's
 * presence lists and, once every entity is written, tombstones the twins whose rows are gone
 * ({@link #writeMissing}). Not thread-safe; close it to discard presence lists not committed.
 */
public final class EntityTwinWriter implements AutoCloseable {

    /** The stage name in rejects ({@code rejects/transform.ndjson}). */
    public static final String STAGE = "transform";

    private final Batch batch;
    private final RejectWriter rejects;
    private final StagedFolder twins;
    private final TwinFileSink sink;
    private final Map<String, MissingRowSweep> sweeps = new LinkedHashMap<>();
    private final Map<String, RejectedTwins> rejected = new LinkedHashMap<>();
    private final LinkedRelationships links = new LinkedRelationships();
    private final List<PresenceWriter> linkPresence = new ArrayList<>();

    /**
     * @param twins the batch's new {@code twins/} folder, which the caller commits once every entity is written
     */
    public EntityTwinWriter(Batch batch, StagedFolder twins, RejectWriter rejects) {
        this.batch = batch;
        this.rejects = rejects;
        this.twins = twins;
        this.sink = new TwinFileSink(twins, TwinFileSink.defaultWriterThreads());
    }

    /** Writes the twin files of an entity's rows, read to their end from {@code reader}, which the caller closes. */
    public EntityCounts write(EntityPlan plan, StagedRowReader reader) {
        if (plan.isLink()) {
            return writeLinks(plan, reader, null, false);
        }
        TwinRowBuilder builder = new TwinRowBuilder(plan, links);
        MissingRowSweep sweep = plan.missing() == null ? null : sweep(plan);
        long rows = 0;
        long twinFiles = 0;
        long tombstones = 0;
        long relationships = 0;
        long rejected = 0;
        while (reader.hasNext()) {
            StagedRow row = reader.next();
            rows++;
            TwinRowBuilder.Result result = builder.build(row);
            List<RowProblem> problems = result.problems();
            if (result.file() != null) {
                // counted as written; a duplicate twin id is found when the files are flushed, below
                sink.write(result.file(), row.number());
            }
            if (problems.isEmpty()) {
                twinFiles++;
                tombstones += result.file().tombstone() ? 1 : 0;
                relationships += result.file().relationships().size();
                if (sweep != null && !result.file().tombstone()) {
                    sweep.present(new PresenceEntry(
                            result.file().twinId(), result.file().sourceKey()));
                }
            } else {
                rejected++;
                reject(plan, row, problems);
                rejectedTwins(plan).add(result.twinId());
                if (sweep != null) {
                    sweep.rejected(result.twinId(), StagedValues.key(plan, row));
                }
            }
        }
        for (TwinFileSink.Duplicate duplicate : sink.flush()) {
            TwinFile file = duplicate.file();
            twinFiles--;
            tombstones -= file.tombstone() ? 1 : 0;
            relationships -= file.relationships().size();
            rejected++;
            rejects.write(reject(plan, duplicate.rowNumber(), keyOf(file), duplicate.problem()));
            rejectedTwins(plan).add(file.twinId());
            if (sweep != null) {
                sweep.rejected(file.twinId(), file.sourceKey());
            }
        }
        return new EntityCounts(plan.entity(), rows, twinFiles, tombstones, relationships, rejected);
    }

    /**
     * Holds the relationships of a link entity's rows for the twin files of its source entity, which must be written
     * after it, and writes the batch's list of them (see {@link LinkRowWriter}). Counts its rows and rejects; its
     * relationships are counted with the twin files that list them.
     *
     * @param committed the staging state with the entity's last committed list, or null to compare with none
     * @param incremental whether the rows are only those changed since the last committed batch
     */
    public EntityCounts writeLinks(EntityPlan plan, StagedRowReader reader, StateArea committed, boolean incremental) {
        PresenceWriter presence = new PresenceWriter(batch, plan.entity());
        linkPresence.add(presence);
        return new LinkRowWriter(batch, links, rejects::write).write(plan, reader, committed, incremental, presence);
    }

    /**
     * Rejects the link rows whose source twin got no twin file; call it once every entity was written.
     *
     * @return per link entity, the rows so rejected (as rows rejected only: their rows were counted when read)
     */
    public List<EntityCounts> rejectUnlinked() {
        Map<String, Long> byEntity = new LinkedHashMap<>();
        for (Reject reject : links.rejectUnlinked(STAGE)) {
            rejects.write(reject);
            byEntity.merge(reject.entity(), 1L, Long::sum);
        }
        List<EntityCounts> counts = new ArrayList<>();
        byEntity.forEach((entity, n) -> counts.add(new EntityCounts(entity, 0, 0, 0, 0, n)));
        return counts;
    }

    /**
     * Tombstones the twins of an entity with deletion by absence whose rows are gone from this batch; call it after
     * every entity was written, so that a twin now produced by another entity is not taken for gone.
     *
     * @param state the staging state holding the last committed presence lists, or null for none (nothing is
     *     then deleted)
     * @return the tombstones written (as twin files and tombstones), or one reject when too many rows are missing
     */
    public EntityCounts writeMissing(EntityPlan plan, StateArea state) {
        MissingRowSweep sweep = sweeps.get(plan.entity());
        if (sweep == null || state == null) {
            return new EntityCounts(plan.entity(), 0, 0, 0, 0, 0);
        }
        return sweep.sweep(state);
    }

    /**
     * What the twin entity covers in the graph, for a full compare, its link entities' relationship names included;
     * call it after {@link #write} and {@link #writeMissing} for the entity. Not for a link entity's plan.
     */
    public EntityScope scope(EntityPlan plan) {
        RejectedTwins rows = rejected.getOrDefault(plan.entity(), new RejectedTwins());
        MissingRowSweep sweep = sweeps.get(plan.entity());
        List<String> names = new ArrayList<>();
        plan.relationships().stream().map(RelationshipPlan::name).forEach(names::add);
        names.addAll(links.names(plan.entity()));
        List<String> owned = new ArrayList<>();
        plan.relationships().stream()
                .filter(RelationshipPlan::removeStale)
                .map(RelationshipPlan::name)
                .forEach(owned::add);
        owned.addAll(links.ownedNames(plan.entity()));
        return new EntityScope(
                plan.entity(),
                plan.model(),
                names.stream().distinct().toList(),
                owned.stream().distinct().toList(),
                plan.missing() == null
                        ? MissingRows.DEFAULT_LIMIT
                        : plan.missing().limit(),
                List.copyOf(rows.ids),
                rows.withoutId,
                sweep != null && sweep.held());
    }

    /** Publishes the presence lists written; call it after the twin files were committed. */
    public void commitPresence() {
        sweeps.values().forEach(MissingRowSweep::commit);
        linkPresence.forEach(PresenceWriter::commit);
    }

    @Override
    public void close() {
        try {
            sink.close();
        } finally {
            sweeps.values().forEach(MissingRowSweep::close);
            linkPresence.forEach(PresenceWriter::close);
        }
    }

    private RejectedTwins rejectedTwins(EntityPlan plan) {
        return rejected.computeIfAbsent(plan.entity(), entity -> new RejectedTwins());
    }

    /** The twins of an entity's rejected rows: ids where known, else a count. */
    private static final class RejectedTwins {
        private final Set<String> ids = new LinkedHashSet<>();
        private long withoutId;

        void add(String twinId) {
            if (twinId == null) {
                withoutId++;
            } else {
                ids.add(twinId);
            }
        }
    }

    private MissingRowSweep sweep(EntityPlan plan) {
        return sweeps.computeIfAbsent(
                plan.entity(),
                entity -> new MissingRowSweep(plan, twins, sink, rejects, new PresenceWriter(batch, entity)));
    }

    private void reject(EntityPlan plan, StagedRow row, List<RowProblem> problems) {
        rejects(plan, row, problems).forEach(rejects::write);
    }

    /** The reject lines for the problems of a row, as transform writes them. */
    static List<Reject> rejects(EntityPlan plan, StagedRow row, List<RowProblem> problems) {
        Map<String, Object> key = rowKey(plan, row);
        return problems.stream()
                .map(problem -> reject(plan, row.number(), key, problem))
                .toList();
    }

    private static Reject reject(EntityPlan plan, long rowNumber, Map<String, Object> key, RowProblem problem) {
        return new Reject(
                STAGE,
                plan.entity(),
                rowNumber,
                key,
                problem.field(),
                problem.value(),
                problem.code().name(),
                problem.reason());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> keyOf(TwinFile file) {
        return StagingJson.mapper().convertValue(file.sourceKey(), LinkedHashMap.class);
    }

    private static Map<String, Object> rowKey(EntityPlan plan, StagedRow row) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (int i = 0; i < plan.keyColumns().size(); i++) {
            key.put(plan.keyColumns().get(i), row.get(plan.keyIndex(i)));
        }
        return key;
    }
}
