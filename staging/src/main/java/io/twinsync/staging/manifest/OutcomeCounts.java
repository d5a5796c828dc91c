package io.twinsync.staging.manifest;

/** How many twins or relationships were created, patched, left unchanged, deleted, or failed. */
public record OutcomeCounts(long created, long patched, long unchanged, long deleted, long failed) {

    public static final OutcomeCounts ZERO = new OutcomeCounts(0, 0, 0, 0, 0);

    public OutcomeCounts plus(OutcomeCounts other) {
        return new OutcomeCounts(
                created + other.created,
                patched + other.patched,
                unchanged + other.unchanged,
                deleted + other.deleted,
                failed + other.failed);
    }

    public long total() {
        return created + patched + unchanged + deleted + failed;
    }
}
