package io.twinsync.writer.state;

import io.twinsync.staging.BatchId;
import java.util.Optional;

/**
 * Keeps a replay from rolling twins back: a replayed batch's file is older than what a newer batch applied to the
 * same twin, so such a twin is left alone. Decided from the known state alone, without a request: each entry says
 * which batch's file it holds, and batch ids sort by age.
 */
public final class NoRollback {

    private final KnownState known;
    private final BatchId replayed;

    /** @param replayed the batch whose twin files are being written again */
    public NoRollback(KnownState known, BatchId replayed) {
        this.known = known;
        this.replayed = replayed;
    }

    /**
     * Why the twin must not get the replayed batch's file, or empty when it may: the known state holds no entry for
     * it (never written, or its last write failed), an entry from the replayed batch or an older one, or one of the
     * same content (a newer batch found the twin unchanged: writing the file rolls nothing back).
     *
     * @param contentHash the replayed file's content hash
     */
    public Optional<String> whySkip(String twinId, String contentHash) {
        Optional<KnownTwin> entry = known.get(twinId);
        if (entry.isEmpty() || entry.get().contentHash().equals(contentHash)) {
            return Optional.empty();
        }
        String applied = entry.get().batchId();
        if (applied == null) {
            return Optional.of("Twin " + twinId + " was applied by an earlier twinsync version, which did not record"
                    + " the batch, so the replay of " + replayed + " cannot tell whether its file is older; left as it"
                    + " is. A normal run, or 'run --full-compare', writes the source's current data");
        }
        if (applied.compareTo(replayed.value()) > 0) {
            return Optional.of("Twin " + twinId + " holds the data of batch " + applied + ", newer than the replayed"
                    + " batch " + replayed + "; left as it is, so that the replay does not roll it back");
        }
        return Optional.empty();
    }
}
