package io.twinsync.writer.apply;

import io.twinsync.staging.twin.TwinFile;
import io.twinsync.writer.report.ItemResult;
import java.util.List;

/**
 * What phase 1 did with one twin file, carried into phase 2 and the known state.
 *
 * @param path the twin file's path in the batch
 * @param file the twin file, or null when it could not be read
 * @param result the twin's result line
 * @param alreadyApplied true when the known state said this exact file was applied before, so nothing was sent
 * @param etag the twin's ETag after phase 1, when known
 * @param lastApplied the file this writer applied to the twin before, when phase 1 planned from it without reading
 *     the twin (the twin was as that write left it); phase 2 then plans the relationships from it too
 * @param relationshipsDeleted for a tombstone, the relationships (outgoing and incoming) deleted before the twin
 */
public record TwinOutcome(
        String path,
        TwinFile file,
        ItemResult result,
        boolean alreadyApplied,
        String etag,
        TwinFile lastApplied,
        List<RelationshipRef> relationshipsDeleted) {

    public TwinOutcome {
        relationshipsDeleted = relationshipsDeleted == null ? List.of() : List.copyOf(relationshipsDeleted);
    }

    public TwinOutcome(String path, TwinFile file, ItemResult result, boolean alreadyApplied, String etag) {
        this(path, file, result, alreadyApplied, etag, null, List.of());
    }
}
