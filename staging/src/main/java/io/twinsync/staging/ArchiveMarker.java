package io.twinsync.staging;

import io.twinsync.staging.json.StagingJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The content of {@link BatchLayout#ARCHIVED}: which batch, and when its copy in the archive was complete. Written
 * last, so that its presence says the copy is whole; its content is for people.
 */
public record ArchiveMarker(String batchId, Instant archivedAt) {

    /** The marker as JSON. */
    public byte[] toJson() {
        try {
            return StagingJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
