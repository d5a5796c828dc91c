package io.twinsync.staging;

import io.twinsync.staging.twin.TwinFileNames;

/**
 * The paths inside a batch. Every stage names files through this class so the layout is written down once.
 *
 * <pre>
 * manifest.json                  what each stage did (counts, timings, status)
 * models.json                    the DTDL interfaces the batch's twins use, as a JSON array (self-contained replay)
 * scope.json                     which twins and relationships of the graph the batch's mapping covers (full compare)
 * rows/{entity}.ndjson           staged source rows (see {@code io.twinsync.staging.rows})
 * twins/{hh}/{file}.json         one file per twin (see {@code io.twinsync.staging.twin}), in 256 sub-folders
 * rejects/{stage}.ndjson         rows or files set aside, with the reason
 * results/{partition}.ndjson     what the writer did per twin and relationship
 * results/{partition}.requests.json  requests and 429s per second of the partition's write
 * report.json, report.html       the batch report, written when the job ends (see the orchestrator)
 * handoff/{partition}.ndjson     what a write's twin phase did per twin, read by its relationship phase
 * archived.json                  written last when the batch is copied to the archive: the copy is whole
 * </pre>
 */
public final class BatchLayout {

    public static final String MANIFEST = "manifest.json";
    public static final String MODELS = "models.json";
    public static final String SCOPE = "scope.json";
    public static final String ROWS = "rows/";
    public static final String TWINS = "twins/";
    public static final String REJECTS = "rejects/";
    public static final String RESULTS = "results/";
    /** What the twin phase of a partition did per twin, for its relationship phase (the writer's own format). */
    public static final String HANDOFF = "handoff/";
    /** The marker of a batch's complete copy in the archive, {@code archive/{id}/archived.json}; see {@link ArchiveMarker}. */
    public static final String ARCHIVED = "archived.json";

    private BatchLayout() {}

    public static String rowsFile(String entity) {
        return ROWS + entity + ".ndjson";
    }

    public static String twinFile(String twinId) {
        return TWINS + TwinFileNames.pathFor(twinId);
    }

    public static String rejectsFile(String stage) {
        return REJECTS + stage + ".ndjson";
    }

    public static String resultsFile(String partition) {
        return RESULTS + partition + ".ndjson";
    }

    public static String handoffFile(String partition) {
        return HANDOFF + partition + ".ndjson";
    }
}
