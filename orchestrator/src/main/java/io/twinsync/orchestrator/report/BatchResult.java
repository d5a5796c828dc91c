package io.twinsync.orchestrator.report;

import io.twinsync.staging.manifest.BatchManifest;

/** How a batch ended, as {@code run}'s last line and the batch report say, from what its manifest records. */
public enum BatchResult {
    /** Every row became a twin, every twin and relationship was written (or writing was not asked), no drift left. */
    OK,
    /** All written, but drift found before the run was left in the graph. */
    DRIFT,
    /** The write (or, with {@code --no-write}, the transform) ran, and something was rejected or failed. */
    PARTIAL,
    /** The batch did not get as far as its write (or transform). */
    FAILED;

    /**
     * @param writeSkipped true for a {@code --no-write} batch
     * @param driftLeft true when the run found drift and did not repair it
     */
    public static BatchResult of(BatchManifest manifest, boolean writeSkipped, boolean driftLeft) {
        if (written(manifest, writeSkipped)) {
            return driftLeft ? DRIFT : OK;
        }
        boolean ran = writeSkipped ? manifest.transform() != null : manifest.write() != null;
        return ran ? PARTIAL : FAILED;
    }

    private static boolean written(BatchManifest manifest, boolean writeSkipped) {
        // A replay transforms nothing: its rows were the replayed batch's to reject.
        boolean transformed = manifest.replayOf() != null
                || (manifest.transform() != null
                        && manifest.transform().rowsRejected() == 0
                        // lines of copied rows set aside before the transform saw them (run --rows-from)
                        && (manifest.extract() == null || manifest.extract().rowsRejected() == 0));
        if (writeSkipped) {
            return transformed;
        }
        return transformed
                && manifest.write() != null
                && manifest.write().twins().failed() == 0
                && manifest.write().relationships().failed() == 0;
    }
}
