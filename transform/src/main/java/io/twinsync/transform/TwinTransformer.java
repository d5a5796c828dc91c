package io.twinsync.transform;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagedFolder;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.EntityTransform;
import io.twinsync.staging.manifest.TransformSummary;
import io.twinsync.staging.reject.RejectWriter;
import io.twinsync.staging.rows.RowsHandOff;
import io.twinsync.staging.rows.StagedRowReader;
import io.twinsync.staging.scope.GraphScope;
import io.twinsync.staging.scope.GraphScopes;
import io.twinsync.transform.mapping.EntityMapping;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingProblems;
import io.twinsync.transform.presence.PresenceStore;
import io.twinsync.transform.twin.EntityCounts;
import io.twinsync.transform.twin.EntityPlan;
import io.twinsync.transform.twin.EntityPlanner;
import io.twinsync.transform.twin.EntityTwinWriter;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transform stage: reads {@code rows/{entity}.ndjson} of each mapping entity the batch has, and writes one twin
 * file per twin ({@code twins/}), the rejects ({@code rejects/transform.ndjson}) and the DTDL models
 * ({@code models.json}), and what the mapping covers in the graph ({@code scope.json}). Rows stream through; memory does not grow with them.
 *
 * <p>Safe to run twice on a batch: its {@code twins/} folder replaces the earlier run's as a whole, and the earlier
 * rejects and presence lists are removed just before this run's are published. A mapping that does not fit the
 * staged rows fails the whole run before anything but {@code models.json} is written, and before anything is removed. The twin files are written into a private folder that is published once, at the end; a run that fails
 * part-way publishes neither twin files nor a rejects file. Reusable and thread-safe: each call
 * keeps its own state.
 */
public final class TwinTransformer {

    private static final Logger log = LoggerFactory.getLogger(TwinTransformer.class);

    private final Mapping mapping;
    private final Clock clock;
    private final Set<String> withoutHistory;
    private final Set<String> incremental;

    public TwinTransformer(Mapping mapping) {
        this(mapping, Clock.systemUTC());
    }

    /** With a clock for the summary's start and finish times. */
    public TwinTransformer(Mapping mapping, Clock clock) {
        this(mapping, clock, Set.of(), Set.of());
    }

    private TwinTransformer(Mapping mapping, Clock clock, Set<String> withoutHistory, Set<String> incremental) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.withoutHistory = Set.copyOf(withoutHistory);
        this.incremental = Set.copyOf(incremental);
    }

    /**
     * This transformer, comparing the given entities with no earlier presence list: theirs belongs to another source,
     * target or mapping, so nothing is deleted for their missing rows this batch, and the batch's list starts theirs
     * afresh.
     */
    public TwinTransformer withoutHistoryOf(Set<String> entities) {
        return new TwinTransformer(mapping, clock, entities, incremental);
    }

    /**
     * This transformer, told which entities the batch read incrementally (only rows changed since the last committed
     * batch): a link entity among them is merged with the relationships its rows gave in that batch. Others are
     * taken as read whole.
     */
    public TwinTransformer withIncrementalReads(Set<String> entities) {
        return new TwinTransformer(mapping, clock, withoutHistory, entities);
    }

    /**
     * Transforms a batch's staged rows, without deletion by absence (no earlier batch to compare with).
     *
     * @see #transform(Batch, StateArea)
     */
    public TransformSummary transform(Batch batch) {
        return transform(batch, null);
    }

    /**
     * Transforms a batch's staged rows.
     *
     * @param state the staging state with the presence lists of the last committed batch, which entities with
     *     {@code deleted.missing} compare with; null to compare with nothing (nothing is deleted for missing rows)
     * @return what was produced, for the batch manifest (the caller records it)
     * @throws io.twinsync.transform.mapping.MappingException when the mapping names columns the staged rows lack,
     *     or of types their properties cannot take; every such problem is listed
     * @throws StagingException when the batch cannot be read or written
     */
    public TransformSummary transform(Batch batch, StateArea state) {
        Instant started = clock.instant();
        List<EntityPlan> plans = EntityPlanner.plan(mapping, batch);
        Iterator<EntityPlan> next = plans.iterator();
        return run(batch, state, started, () -> {
            if (!next.hasNext()) {
                return null;
            }
            EntityPlan plan = next.next();
            String path = BatchLayout.rowsFile(plan.entity());
            return new PlannedRows(plan, new StagedRowReader(batch.open(path), batch.location() + "/" + path));
        });
    }

    /**
     * Transforms a batch's rows while the extract is still writing them: each rows file is read as it is handed
     * over, instead of from the batch once it is complete. The output is the same as {@link #transform(Batch,
     * StateArea)} would write from the finished files, in the same order.
     *
     * <p>An entity is planned against its rows when they start to arrive, so a mapping problem fails the transform
     * at the first entity that has one, listing that entity's problems (reading the staged files lists every
     * entity's). A mapping with link entities reads the staged files once extract has written them all instead,
     * since every link row must be read before the twin files its relationships go into.
     *
     * @param rows the hand-off of the rows files being written into {@code batch}
     */
    public TransformSummary transform(Batch batch, StateArea state, RowsHandOff rows) {
        if (!mapping.links().isEmpty()) {
            // Link rows must all be read before the twin files of their source entities are built, and extract
            // stages entities in its own order: let it finish, then read the staged files.
            for (Optional<RowsHandOff.Rows> handed = rows.next(); handed.isPresent(); handed = rows.next()) {
                log.debug(
                        "Batch {}: {} is read once staged (the mapping has link entities)",
                        batch.id(),
                        handed.get().path());
                try {
                    handed.get().stream().close(); // its bytes are skipped; the writer stages them all the same
                } catch (IOException e) {
                    throw new StagingException(
                            "Cannot close the handed-over " + handed.get().path() + " of batch " + batch.id() + ": "
                                    + e.getMessage(),
                            e);
                }
            }
            return transform(batch, state);
        }
        Instant started = clock.instant();
        return run(batch, state, started, () -> {
            for (Optional<RowsHandOff.Rows> handed = rows.next(); handed.isPresent(); handed = rows.next()) {
                String path = handed.get().path();
                StagedRowReader reader =
                        new StagedRowReader(handed.get().stream(), batch.location() + "/" + path + " (handed over)");
                Optional<EntityPlan> plan = planHandedOver(batch, path, reader);
                if (plan.isPresent()) {
                    return new PlannedRows(plan.get(), reader);
                }
                reader.close();
            }
            return null;
        });
    }

    private Optional<EntityPlan> planHandedOver(Batch batch, String path, StagedRowReader reader) {
        Optional<EntityMapping> entity = mapping.entities().stream()
                .filter(e -> BatchLayout.rowsFile(e.name()).equals(path))
                .findFirst();
        if (entity.isEmpty()) {
            log.info("Batch {}: {} belongs to no mapping entity; skipped", batch.id(), path);
            return Optional.empty();
        }
        MappingProblems problems = new MappingProblems();
        Optional<EntityPlan> plan = EntityPlanner.planEntity(entity.get(), mapping.models(), reader.schema(), problems);
        problems.throwIfAny(mapping.source() + " (against the staged rows of batch " + batch.id() + ")");
        return plan;
    }

    /** An entity's plan and its rows, ready to read. */
    private record PlannedRows(EntityPlan plan, StagedRowReader rows) {}

    /** Each entity's rows in turn; null after the last. */
    @FunctionalInterface
    private interface EntityRows {
        PlannedRows next();
    }

    private TransformSummary run(Batch batch, StateArea state, Instant started, EntityRows entities) {
        writeModels(batch);
        long rows = 0;
        long twins = 0;
        long tombstones = 0;
        long relationships = 0;
        long rejected = 0;
        try (StagedFolder twinFolder = batch.createFolder(BatchLayout.TWINS);
                RejectWriter rejects = new RejectWriter(batch, EntityTwinWriter.STAGE);
                EntityTwinWriter writer = new EntityTwinWriter(batch, twinFolder, rejects)) {
            List<EntityPlan> plans = new ArrayList<>();
            List<EntityCounts> all = new ArrayList<>();
            for (PlannedRows entity = entities.next(); entity != null; entity = entities.next()) {
                plans.add(entity.plan());
                try (StagedRowReader reader = entity.rows()) {
                    EntityPlan plan = entity.plan();
                    all.add(
                            plan.isLink()
                                    ? writer.writeLinks(
                                            plan,
                                            reader,
                                            withoutHistory.contains(plan.entity()) ? null : state,
                                            incremental.contains(plan.entity()))
                                    : writer.write(plan, reader));
                }
            }
            all.addAll(writer.rejectUnlinked());
            // After every entity, so that a twin another entity produces now is not taken for gone.
            for (EntityPlan plan : plans) {
                all.add(writer.writeMissing(plan, withoutHistory.contains(plan.entity()) ? null : state));
            }
            GraphScope scope = new GraphScope(plans.stream()
                    .filter(plan -> !plan.isLink())
                    .map(writer::scope)
                    .toList());
            Map<String, EntityTransform> byEntity = new TreeMap<>();
            for (EntityCounts counts : all) {
                if (counts.rows() > 0 || counts.twinFiles() > 0 || counts.rowsRejected() > 0) {
                    log.info(
                            "Batch {} entity {}: {} rows, {} twin files ({} tombstones), {} relationships, {} rows"
                                    + " rejected",
                            batch.id(),
                            counts.entity(),
                            counts.rows(),
                            counts.twinFiles(),
                            counts.tombstones(),
                            counts.relationships(),
                            counts.rowsRejected());
                }
                rows += counts.rows();
                twins += counts.twinFiles();
                tombstones += counts.tombstones();
                relationships += counts.relationships();
                rejected += counts.rowsRejected();
                byEntity.merge(
                        counts.entity(),
                        new EntityTransform(
                                counts.rows(),
                                counts.twinFiles(),
                                counts.tombstones(),
                                counts.relationships(),
                                counts.rowsRejected()),
                        EntityTransform::plus);
            }
            TransformSummary summary = new TransformSummary(
                    started,
                    clock.instant(),
                    rows,
                    twins,
                    relationships,
                    tombstones,
                    rejected,
                    rejects.countsByCode(),
                    byEntity);
            if (rejected > 0) {
                log.warn(
                        "Batch {}: {} of {} rows rejected {}; see {}",
                        batch.id(),
                        rejected,
                        rows,
                        summary.rejectsByReason(),
                        BatchLayout.rejectsFile(EntityTwinWriter.STAGE));
            }
            // Only now, so that a run that fails leaves the earlier run's output whole.
            clearEarlierRun(batch);
            twinFolder.commit();
            writer.commitPresence();
            rejects.commit();
            GraphScopes.write(batch, scope);
            return summary;
        }
    }

    /**
     * The twin files of an earlier run go when the new {@code twins/} folder replaces them; its rejects and presence
     * lists go here, just before this run's are published (this run may have none).
     */
    private static void clearEarlierRun(Batch batch) {
        batch.delete(BatchLayout.rejectsFile(EntityTwinWriter.STAGE));
        // an earlier run's presence list of an entity that no longer asks for deleted.missing must not be committed
        batch.list(PresenceStore.BATCH_FOLDER).forEach(batch::delete);
    }

    private void writeModels(Batch batch) {
        try (StagedOutput out = batch.create(BatchLayout.MODELS)) {
            StagingJson.mapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValue(out, mapping.models().documents());
            out.commit();
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot write " + BatchLayout.MODELS + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
    }
}
