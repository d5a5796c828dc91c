package io.twinsync.transform;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.TransformSummary;
import io.twinsync.staging.reject.RejectWriter;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.twin.EntityCounts;
import io.twinsync.transform.twin.EntityPlan;
import io.twinsync.transform.twin.EntityPlanner;
import io.twinsync.transform.twin.EntityTwinWriter;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transform stage: reads {@code rows/{entity}.ndjson} of each mapping entity the batch has, and writes one twin
 * file per twin ({@code twins/}), the rejects ({@code rejects/transform.ndjson}) and the DTDL models
 * ({@code models.json}). Rows stream through; only twin ids are held in memory.
 *
 * <p>Safe to run twice on a batch: it first removes the twin files and rejects of an earlier run. A mapping that
 * does not fit the staged rows fails the whole run before anything is written or removed. Each file appears only
 * when complete; a run that fails part-way publishes no rejects file. Reusable and thread-safe: each call
 * keeps its own state.
 */
public final class TwinTransformer {

    private static final Logger log = LoggerFactory.getLogger(TwinTransformer.class);

    private final Mapping mapping;
    private final Clock clock;

    public TwinTransformer(Mapping mapping) {
        this(mapping, Clock.systemUTC());
    }

    /** With a clock for the summary's start and finish times. */
    public TwinTransformer(Mapping mapping, Clock clock) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Transforms a batch's staged rows.
     *
     * @return what was produced, for the batch manifest (the caller records it)
     * @throws io.twinsync.transform.mapping.MappingException when the mapping names columns the staged rows lack,
     *     or of types their properties cannot take; every such problem is listed
     * @throws StagingException when the batch cannot be read or written
     */
    public TransformSummary transform(Batch batch) {
        Instant started = clock.instant();
        List<EntityPlan> plans = EntityPlanner.plan(mapping, batch);
        clearEarlierRun(batch);
        writeModels(batch);
        long rows = 0;
        long twins = 0;
        long tombstones = 0;
        long relationships = 0;
        long rejected = 0;
        try (RejectWriter rejects = new RejectWriter(batch, EntityTwinWriter.STAGE)) {
            EntityTwinWriter writer = new EntityTwinWriter(batch, rejects);
            for (EntityPlan plan : plans) {
                EntityCounts counts = writer.write(plan);
                log.info(
                        "Batch {} entity {}: {} rows, {} twin files ({} tombstones), {} relationships, {} rows rejected",
                        batch.id(),
                        counts.entity(),
                        counts.rows(),
                        counts.twinFiles(),
                        counts.tombstones(),
                        counts.relationships(),
                        counts.rowsRejected());
                rows += counts.rows();
                twins += counts.twinFiles();
                tombstones += counts.tombstones();
                relationships += counts.relationships();
                rejected += counts.rowsRejected();
            }
            TransformSummary summary = new TransformSummary(
                    started, clock.instant(), rows, twins, relationships, tombstones, rejected, rejects.countsByCode());
            if (rejected > 0) {
                log.warn(
                        "Batch {}: {} of {} rows rejected {}; see {}",
                        batch.id(),
                        rejected,
                        rows,
                        summary.rejectsByReason(),
                        BatchLayout.rejectsFile(EntityTwinWriter.STAGE));
            }
            rejects.commit();
            return summary;
        }
    }

    private static void clearEarlierRun(Batch batch) {
        batch.list(BatchLayout.TWINS).forEach(batch::delete);
        batch.delete(BatchLayout.rejectsFile(EntityTwinWriter.STAGE));
    }

    private void writeModels(Batch batch) {
        try (StagedOutput out = batch.create(BatchLayout.MODELS)) {
            StagingJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out, mapping.modelDocuments());
            out.commit();
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot write " + BatchLayout.MODELS + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
    }
}
