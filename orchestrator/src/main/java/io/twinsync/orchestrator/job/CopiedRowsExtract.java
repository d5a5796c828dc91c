package io.twinsync.orchestrator.job;

import io.twinsync.extract.ExtractException;
import io.twinsync.extract.copied.CopiedRows;
import io.twinsync.extract.copied.CopiedRowsFolder;
import io.twinsync.extract.copied.CopiedRowsIngest;
import io.twinsync.extract.watermark.EntityExtract;
import io.twinsync.extract.watermark.ReadKind;
import io.twinsync.extract.watermark.WatermarkStore;
import io.twinsync.orchestrator.state.EntityOrigins;
import io.twinsync.orchestrator.state.TargetState;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.manifest.BatchManifests;
import io.twinsync.staging.manifest.ExtractSummary;
import io.twinsync.transform.mapping.Mapping;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extract step of a batch made from rows Data Factory copied ({@code run --rows-from}): stages them with {@link
 * CopiedRowsIngest} instead of reading the source, and records what it did as a JDBC extract does (the manifest's
 * extract section, the entities' origins, and the watermarks of the entities that have a watermark column, pending
 * until the batch is written). An entity copied above its watermark (see {@code twinsync copy-plan}) was read
 * incrementally; the others were read whole.
 *
 * <p>An entity with lines set aside was not read whole this batch, even though its file was: a twin whose line was
 * unreadable must not be taken for gone. Such an entity is recorded as started afresh (no deletion by absence) and as
 * read incrementally (a full compare keeps its extra twins, a link entity keeps its earlier relationships).
 */
final class CopiedRowsExtract {

    private static final Logger log = LoggerFactory.getLogger(CopiedRowsExtract.class);

    private CopiedRowsExtract() {}

    static ExtractSummary run(
            Batch batch,
            Consumer<EntityExtract> progress,
            StagingStore staging,
            Mapping mapping,
            String targetKey,
            CopiedRowsFolder folder,
            boolean fullCompare) {
        TargetState state = TargetState.of(staging, targetKey);
        EntityOrigins origins = EntityOrigins.of(mapping, CopiedRowsIngest.SOURCE_IDENTITY);
        Map<String, String> afresh = new LinkedHashMap<>(state.afresh(origins));
        CopiedRows copied =
                new CopiedRowsIngest(staging.incoming(), folder).ingest(batch, CopiedEntities.of(mapping), progress);
        copied.rejectedByEntity().forEach((entity, lines) -> {
            log.warn(
                    "Batch {}: {} lines of {} set aside; see {}",
                    batch.id(),
                    lines,
                    folder.display(entity),
                    BatchLayout.rejectsFile(CopiedRowsIngest.STAGE));
            afresh.put(
                    entity,
                    lines + " lines of its copied rows were set aside ("
                            + BatchLayout.rejectsFile(CopiedRowsIngest.STAGE)
                            + "), so none of its twins is deleted for a missing row this batch");
        });
        Set<String> incremental = new TreeSet<>(copied.rejectedByEntity().keySet());
        copied.extract().reads().forEach((entity, read) -> {
            if (read == ReadKind.INCREMENTAL) {
                incremental.add(entity);
            }
        });
        if (fullCompare && !copied.extract().reads().values().stream().allMatch(read -> read == ReadKind.FULL)) {
            throw new ExtractException("A full compare needs every entity read whole, but the copy plan of " + folder
                    + " copied some incrementally (above their watermarks). Run the pipeline with twinsync"
                    + " copy-plan --whole, or this run without --full-compare");
        }
        origins.writePending(batch);
        WatermarkStore.writePending(batch, copied.extract().pending());
        ExtractSummary summary = copied.extract()
                .summary()
                .withReads(incremental, afresh)
                .withRejects(copied.rejected(), copied.rejectsByReason());
        BatchManifests.update(batch, m -> m.withExtract(summary));
        log.info("Batch {}: staged {} rows copied into {}", batch.id(), summary.totalRows(), folder);
        return summary;
    }
}
