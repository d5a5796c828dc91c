package io.twinsync.orchestrator.job;

import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a stage that starts again removes from a batch before it stages anew. */
final class BatchFiles {

    private static final Logger log = LoggerFactory.getLogger(BatchFiles.class);

    /** Everything the extract and the stages after it stage; the manifest and the batch's own record stay. */
    private static final List<String> STAGED =
            List.of(BatchLayout.ROWS, BatchLayout.TWINS, BatchLayout.REJECTS, BatchLayout.RESULTS, BatchLayout.HANDOFF);

    private BatchFiles() {}

    /**
     * Removes what an earlier attempt of the extract staged, if anything, but the files in {@code keep}: rows of
     * entities it staged whole.
     */
    static void clearStaged(Batch batch, Set<String> keep) {
        int removed = 0;
        for (String prefix : STAGED) {
            for (String path : batch.list(prefix)) {
                if (!keep.contains(path)) {
                    batch.delete(path);
                    removed++;
                }
            }
        }
        if (batch.exists(BatchLayout.SCOPE)) {
            batch.delete(BatchLayout.SCOPE);
            removed++;
        }
        if (removed > 0) {
            log.info("Batch {}: removed {} files an earlier attempt staged; staging it again", batch.id(), removed);
        }
    }
}
