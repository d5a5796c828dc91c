package io.twinsync.staging.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How many twins or relationships were created, patched, left unchanged, deleted, failed, or skipped (a replay's
 * twins that a newer batch applied since; left out of the JSON when none).
 */
public record OutcomeCounts(
        long created,
        long patched,
        long unchanged,
        long deleted,
        long failed,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) long skipped) {

    public static final OutcomeCounts ZERO = new OutcomeCounts(0, 0, 0, 0, 0, 0);

    /** Counts with none skipped: every write but a replay's. */
    public OutcomeCounts(long created, long patched, long unchanged, long deleted, long failed) {
        this(created, patched, unchanged, deleted, failed, 0);
    }

    public OutcomeCounts plus(OutcomeCounts other) {
        return new OutcomeCounts(
                created + other.created,
                patched + other.patched,
                unchanged + other.unchanged,
                deleted + other.deleted,
                failed + other.failed,
                skipped + other.skipped);
    }

    public long total() {
        return created + patched + unchanged + deleted + failed + skipped;
    }
}
