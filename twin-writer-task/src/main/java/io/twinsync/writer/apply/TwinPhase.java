package io.twinsync.writer.apply;

import io.twinsync.staging.Batch;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.staging.twin.TwinFileCodec;
import io.twinsync.writer.report.ItemAction;
import io.twinsync.writer.report.ItemKind;
import io.twinsync.writer.report.ItemResult;
import io.twinsync.writer.retry.Attempts;
import io.twinsync.writer.state.KnownState;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * Phase 1 for one twin file: read it (a bad file fails alone), skip it when the known state says it was applied,
 * else create, patch or delete the twin. Never throws for one twin's trouble.
 */
public final class TwinPhase {

    private final TwinApplier twins;
    private final TombstoneApplier tombstones;
    private final KnownState known;
    private final boolean useKnownState;

    /** @param useKnownState false to read every twin from ADT whatever the known state says */
    public TwinPhase(AdtGateway adt, KnownState known, boolean useKnownState) {
        this.twins = new TwinApplier(adt);
        this.tombstones = new TombstoneApplier(adt);
        this.known = known;
        this.useKnownState = useKnownState;
    }

    public TwinOutcome apply(Batch batch, String path) {
        long start = System.nanoTime();
        TwinFile file;
        try (InputStream in = batch.open(path)) {
            file = TwinFileCodec.read(in, "Twin file " + path + " of batch " + batch.id());
        } catch (StagingException | IOException e) {
            ItemResult failed = ItemResult.failure(
                    ItemKind.TWIN, path, null, 0, millisSince(start), "InvalidTwinFile", e.getMessage());
            return new TwinOutcome(path, null, failed, false, null);
        }
        if (useKnownState && known.isApplied(file.twinId(), file.contentHash())) {
            ItemResult unchanged = ItemResult.success(
                    ItemKind.TWIN, file.twinId(), file.twinId(), ItemAction.UNCHANGED, 0, millisSince(start));
            return new TwinOutcome(path, file, unchanged, true, null);
        }
        Attempts attempts = new Attempts();
        Step step;
        try {
            step = file.tombstone() ? tombstones.delete(file, attempts) : twins.apply(file, attempts);
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
                step.message());
        return new TwinOutcome(path, file, result, false, step.etag());
    }

    static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
