package io.twinsync.writer.apply;

import io.twinsync.staging.Batch;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.staging.twin.TwinFileCodec;
import io.twinsync.writer.TargetUnreachableException;
import io.twinsync.writer.WriterSettings;
import io.twinsync.writer.report.ItemAction;
import io.twinsync.writer.report.ItemKind;
import io.twinsync.writer.report.ItemResult;
import io.twinsync.writer.retry.Attempts;
import io.twinsync.writer.state.KnownState;
import io.twinsync.writer.state.KnownTwin;
import io.twinsync.writer.state.LastAppliedFiles;
import io.twinsync.writer.state.NoRollback;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Phase 1 for one twin file: read it (a bad file fails alone), skip it when the known state says it was applied
 * (or, in a replay, that a newer batch applied the twin), else create, patch or delete the twin. Never throws for
 * one twin's trouble.
 */
public final class TwinPhase {

    private final TwinApplier twins;
    private final TombstoneApplier tombstones;
    private final KnownState known;
    private final boolean useKnownState;
    private final LastAppliedFiles lastApplied;
    private final GraphSnapshot graph;
    private final NoRollback noRollback;

    /**
     * Trusting the known state: a twin whose file was applied before costs nothing.
     *
     * @param lastApplied the files this writer applied before, to patch changed twins without reading them
     */
    public TwinPhase(AdtGateway adt, KnownState known, LastAppliedFiles lastApplied) {
        this(adt, known, true, lastApplied, null, null);
    }

    /**
     * Trusting the known state, for a replay: as {@link #TwinPhase(AdtGateway, KnownState, LastAppliedFiles)}, and a
     * twin that {@code noRollback} says a newer batch applied is skipped without a request.
     */
    public TwinPhase(AdtGateway adt, KnownState known, LastAppliedFiles lastApplied, NoRollback noRollback) {
        this(adt, known, true, lastApplied, null, noRollback);
    }

    /**
     * A full compare: every twin is compared with {@code graph}, the mapped part of the graph as a query returned it,
     * whatever the known state says.
     */
    public TwinPhase(AdtGateway adt, KnownState known, GraphSnapshot graph) {
        this(adt, known, false, null, graph, null);
    }

    private TwinPhase(
            AdtGateway adt,
            KnownState known,
            boolean useKnownState,
            LastAppliedFiles lastApplied,
            GraphSnapshot graph,
            NoRollback noRollback) {
        this.twins = new TwinApplier(adt);
        this.tombstones = new TombstoneApplier(adt);
        this.known = known;
        this.useKnownState = useKnownState;
        this.lastApplied = lastApplied;
        this.graph = graph;
        this.noRollback = noRollback;
    }

    public TwinOutcome apply(Batch batch, String path) {
        long start = System.nanoTime();
        TwinFile file;
        try (InputStream in = batch.open(path)) {
            file = TwinFileCodec.read(in, "Twin file " + path + " of batch " + batch.id());
        } catch (StagingException | IOException e) {
            ItemResult failed = ItemResult.failure(
                            ItemKind.TWIN, path, null, 0, millisSince(start), "InvalidTwinFile", e.getMessage())
                    .finished(null, Instant.now());
            return new TwinOutcome(path, null, failed, false, null);
        }
        return apply(path, file, start);
    }

    /** Applies a twin file that is not read from a batch, such as the tombstone of a twin no row produces. */
    public TwinOutcome apply(String path, TwinFile file) {
        return apply(path, file, System.nanoTime());
    }

    private TwinOutcome apply(String path, TwinFile file, long start) {
        Optional<String> newer =
                noRollback == null ? Optional.empty() : noRollback.whySkip(file.twinId(), file.contentHash());
        if (newer.isPresent()) {
            ItemResult skipped = ItemResult.skipped(
                            ItemKind.TWIN,
                            file.twinId(),
                            file.twinId(),
                            WriterSettings.NEWER_STATE_APPLIED,
                            newer.get())
                    .finished(file.entity(), Instant.now());
            return new TwinOutcome(path, file, skipped, false, null);
        }
        if (useKnownState && known.isApplied(file.twinId(), file.contentHash())) {
            ItemResult unchanged = ItemResult.success(
                            ItemKind.TWIN, file.twinId(), file.twinId(), ItemAction.UNCHANGED, 0, millisSince(start))
                    .finished(file.entity(), Instant.now());
            return new TwinOutcome(path, file, unchanged, true, null);
        }
        Attempts attempts = new Attempts();
        Step step;
        TwinFile last = null;
        List<RelationshipRef> relationshipsDeleted = new ArrayList<>();
        try {
            if (file.tombstone()) {
                step = tombstones.delete(file, attempts, relationshipsDeleted::add);
            } else if (graph != null) {
                step = twins.applyAgainst(file, graph.twin(file.twinId()), attempts);
            } else {
                Optional<KnownTwin> before = useKnownState ? known.get(file.twinId()) : Optional.empty();
                Optional<TwinFile> lastFile =
                        before.filter(k -> k.etag() != null).flatMap(lastApplied::of);
                if (lastFile.isPresent()) {
                    TwinApplier.PlannedStep planned =
                            twins.applyAfter(file, lastFile.get(), before.get().etag(), attempts);
                    step = planned.step();
                    last = planned.fromLastApplied() ? lastFile.get() : null;
                } else if (useKnownState && before.isEmpty()) {
                    step = twins.applyNew(file, attempts);
                } else {
                    step = twins.apply(file, attempts);
                }
            }
        } catch (TargetUnreachableException e) {
            throw e; // the whole write stops; this twin is not to be recorded as failed
        } catch (RuntimeException e) {
            AdtError error = AdtError.of(e);
            step = Step.failed(error.code(), error.message());
        }
        ItemResult result = new ItemResult(
                ItemKind.TWIN,
                file.twinId(),
                file.twinId(),
                step.action(),
                attempts.count(),
                millisSince(start),
                step.errorCode(),
                step.message(),
                file.entity(),
                Instant.now());
        return new TwinOutcome(path, file, result, false, step.etag(), last, relationshipsDeleted);
    }

    static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
