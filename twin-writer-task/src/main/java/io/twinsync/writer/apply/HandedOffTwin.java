package io.twinsync.writer.apply;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.twinsync.staging.Batch;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.staging.twin.TwinFileCodec;
import io.twinsync.writer.report.ItemAction;
import io.twinsync.writer.report.ItemResult;
import io.twinsync.writer.state.KnownState;
import io.twinsync.writer.state.LastAppliedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * What the twin phase did with one twin file, in the compact form that waits for the relationship phase: one
 * hand-off line ({@link TwinHandOff}). The twin file itself is not kept but read again from the batch
 * ({@link #restore}), so that a partition's twins wait between the phases as a few hundred bytes each on disk
 * rather than as parsed documents in memory.
 *
 * @param readable false when the twin phase could not read the file (its result says why)
 * @param fromLastApplied true when the twin phase planned from the twin's last applied file
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HandedOffTwin(
        String path,
        boolean readable,
        ItemResult result,
        boolean alreadyApplied,
        String etag,
        boolean fromLastApplied,
        List<RelationshipRef> relationshipsDeleted) {

    public HandedOffTwin {
        relationshipsDeleted = relationshipsDeleted == null ? List.of() : relationshipsDeleted;
    }

    static HandedOffTwin of(TwinOutcome twin) {
        return new HandedOffTwin(
                twin.path(),
                twin.file() != null,
                twin.result(),
                twin.alreadyApplied(),
                twin.etag(),
                twin.lastApplied() != null,
                twin.relationshipsDeleted().isEmpty() ? null : twin.relationshipsDeleted());
    }

    /** True when the twin phase created this twin: ADT may not find it for a moment. */
    @JsonIgnore
    public boolean created() {
        return result.action() == ItemAction.CREATED && result.twinId() != null;
    }

    /**
     * The twin phase's outcome, with its twin file read again from the batch and, where the twin phase planned from
     * the twin's last applied file, that file read back as {@code known} names it. Only the relationship phase
     * changes a twin's known state, and only after its relationships, so the entry is still the one the twin phase
     * planned from, or one that names this very file; when that file is gone the relationship phase reads the
     * relationships from ADT instead.
     *
     * @throws StagingException when the twin file cannot be read again
     */
    public TwinOutcome restore(Batch batch, KnownState known, LastAppliedFiles lastApplied) {
        TwinFile file = readable ? readTwinFile(batch, path) : null;
        TwinFile last = fromLastApplied && file != null
                ? known.get(file.twinId()).flatMap(lastApplied::of).orElse(null)
                : null;
        return new TwinOutcome(path, file, result, alreadyApplied, etag, last, relationshipsDeleted);
    }

    private static TwinFile readTwinFile(Batch batch, String path) {
        try (InputStream in = batch.open(path)) {
            return TwinFileCodec.read(in, "Twin file " + path + " of batch " + batch.id());
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot read twin file " + path + " of batch " + batch.id() + " again: " + e.getMessage(), e);
        }
    }
}
