package io.twinsync.writer;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.manifest.BatchManifests;
import io.twinsync.staging.manifest.ExtractSummary;
import io.twinsync.staging.scope.GraphScope;
import io.twinsync.writer.apply.AdtGateway;
import io.twinsync.writer.apply.ExtraTwins;
import io.twinsync.writer.apply.GraphSnapshot;
import io.twinsync.writer.apply.HandedOffTwin;
import io.twinsync.writer.apply.RelationshipPhase;
import io.twinsync.writer.apply.TwinOutcome;
import io.twinsync.writer.apply.TwinPhase;
import io.twinsync.writer.report.ItemAction;
import io.twinsync.writer.report.ItemResult;
import io.twinsync.writer.report.ResultsWriter;
import io.twinsync.writer.retry.Sleeper;
import io.twinsync.writer.state.KnownState;
import io.twinsync.writer.state.KnownTwin;
import io.twinsync.writer.state.LastAppliedFiles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relationship phase of a partition's write: the relationships of the twins the twin phase handed off, then what
 * was applied recorded in the known state, and for a full compare the extra twins deleted last. Takes the handed-off
 * twins one by one, at most the pool's window at a time, reading each twin's file again, so that a partition of any
 * size costs the same memory.
 */
final class RelationshipWrite {

    private static final Logger log = LoggerFactory.getLogger(RelationshipWrite.class);

    private final Batch batch;
    private final AdtGateway adt;
    private final KnownState known;
    private final LastAppliedFiles lastApplied;
    private final ResultsWriter results;
    private final GraphSnapshot graph;
    private final BoundedPool pool;
    private final TwinPhase twinPhase;
    private final Sleeper sleeper;
    private final String appliedBatch;

    /**
     * @param graph for a full compare, the mapped part of the graph as queried; null otherwise
     * @param appliedBatch the batch the known state records the twins as applied from
     */
    RelationshipWrite(
            Batch batch,
            AdtGateway adt,
            KnownState known,
            LastAppliedFiles lastApplied,
            ResultsWriter results,
            GraphSnapshot graph,
            BoundedPool pool,
            TwinPhase twinPhase,
            Sleeper sleeper,
            String appliedBatch) {
        this.batch = batch;
        this.adt = adt;
        this.known = known;
        this.lastApplied = lastApplied;
        this.results = results;
        this.graph = graph;
        this.pool = pool;
        this.twinPhase = twinPhase;
        this.sleeper = sleeper;
        this.appliedBatch = appliedBatch;
    }

    /**
     * Writes the relationships of the handed-off twins, records what was applied in {@code known}, and for a full
     * compare deletes the extra twins last.
     *
     * @param created the twins this batch created (in every partition): ADT may not find them for a moment
     * @return the ids of the twins whose entries in {@code known} may have changed
     */
    Set<String> write(Iterator<HandedOffTwin> handedOff, Set<String> created, WriteProgress progress) {
        RelationshipPhase relationshipPhase = new RelationshipPhase(adt, created, sleeper, graph);
        Set<String> touched = new HashSet<>();
        List<String> paths = new ArrayList<>(); // only a full compare needs them: to tell the twins no row produces
        pool.forEach(
                handedOff,
                line -> {
                    TwinOutcome twin = line.restore(batch, known, lastApplied);
                    List<ItemResult> done = relationshipPhase.apply(twin);
                    progress.relationships(done);
                    return new Written(twin, done);
                },
                written -> {
                    written.relationships().forEach(results::write);
                    remember(written.twin(), written.relationships());
                    if (written.twin().file() != null) {
                        touched.add(sharedId(written.twin().file().twinId()));
                    }
                    if (graph != null) {
                        paths.add(written.twin().path());
                    }
                });
        if (graph != null) {
            touched.addAll(deleteExtraTwins(paths, relationshipPhase));
        }
        return touched;
    }

    /** A twin and its relationships' results, as the relationship phase left them. */
    private record Written(TwinOutcome twin, List<ItemResult> relationships) {}

    /**
     * The id as the known state holds it, when it does: a million touched ids then cost a set's entries, not a
     * second copy of every id.
     */
    private String sharedId(String twinId) {
        return known.get(twinId).map(KnownTwin::twinId).orElse(twinId);
    }

    /**
     * A full compare's last phase: the twins of the mapped models that no row produces are deleted with their
     * relationships, after every twin and relationship of the batch was written.
     *
     * @return the ids deleted (forgotten in {@code known})
     */
    private Set<String> deleteExtraTwins(List<String> paths, RelationshipPhase relationshipPhase) {
        GraphScope scope = graph.scope();
        // A batch without a manifest or an extract section was staged by other means (a Data Factory copy of whole
        // tables, say): its entities count as read whole.
        ExtractSummary extract =
                batch.exists(BatchLayout.MANIFEST) ? BatchManifests.read(batch).extract() : null;
        Set<String> incremental = extract == null ? Set.of() : extract.incremental();
        ExtraTwins extra = ExtraTwins.find(graph, scope, new HashSet<>(paths), incremental);
        extra.held().forEach(results::write);
        List<TwinOutcome> deleted =
                pool.map(extra.tombstones(), file -> twinPhase.apply(BatchLayout.twinFile(file.twinId()), file));
        Set<String> ids = new HashSet<>();
        for (TwinOutcome twin : deleted) {
            results.write(twin.result());
            relationshipPhase.apply(twin).forEach(results::write);
            known.forget(twin.file().twinId());
            ids.add(twin.file().twinId());
        }
        if (!deleted.isEmpty()) {
            log.info("Full compare of batch {}: {} twins that no row produces deleted", batch.id(), deleted.size());
        }
        return ids;
    }

    /** Records a twin as applied only when the twin and all its relationships succeeded. */
    private void remember(TwinOutcome twin, List<ItemResult> relationships) {
        if (twin.file() == null || twin.result().action() == ItemAction.SKIPPED) {
            return; // unreadable, or a replay's twin whose newer entry stays
        }
        if (twin.alreadyApplied()) {
            // Same content, now also in this batch: point at the newest copy, so that removing old batches
            // (retention) does not cost the next change of this twin a read.
            // (and record the model, which entries of earlier versions lack, for drift checks)
            known.get(twin.file().twinId())
                    .ifPresent(k -> known.record(new KnownTwin(
                            k.twinId(),
                            k.contentHash(),
                            k.etag(),
                            appliedBatch,
                            twin.file().modelId(),
                            twin.file().tombstone())));
            return;
        }
        boolean allWritten = !twin.result().failed() && relationships.stream().noneMatch(ItemResult::failed);
        if (allWritten) {
            known.record(new KnownTwin(
                    twin.file().twinId(),
                    twin.file().contentHash(),
                    twin.etag(),
                    appliedBatch,
                    twin.file().modelId(),
                    twin.file().tombstone()));
        } else {
            known.forget(twin.file().twinId());
        }
    }
}
