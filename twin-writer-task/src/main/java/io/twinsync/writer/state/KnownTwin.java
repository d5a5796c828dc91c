package io.twinsync.writer.state;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A twin whose file (twin and relationships) the writer last applied in full to a target.
 *
 * <p>With the ETag and the batch, a changed twin is patched without reading it first: the twin file of that batch
 * says what the twin held after the write, so the patch is planned against it and sent with {@code If-Match}; a
 * {@code 412} shows someone else changed the twin since, and the writer reads it and plans again.
 *
 * @param twinId the ADT twin id
 * @param contentHash the twin file's content hash that was applied
 * @param etag the twin's ETag after the write, or null (tombstones, or when ADT gave none)
 * @param batchId the batch whose twin file was applied, or null (state written by earlier versions)
 * @param model the twin's model, or null (state written by earlier versions)
 * @param deleted true when the file was a tombstone, so the twin is to be absent; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KnownTwin(String twinId, String contentHash, String etag, String batchId, String model, Boolean deleted) {

    public KnownTwin {
        deleted = Boolean.TRUE.equals(deleted) ? Boolean.TRUE : null;
    }

    /** An entry without the batch that applied it. */
    public KnownTwin(String twinId, String contentHash, String etag) {
        this(twinId, contentHash, etag, null);
    }

    /** An entry of a twin whose model is not recorded. */
    public KnownTwin(String twinId, String contentHash, String etag, String batchId) {
        this(twinId, contentHash, etag, batchId, null, null);
    }

    /** True when the twin was deleted by this writer and is to be absent from the graph. */
    public boolean removed() {
        return Boolean.TRUE.equals(deleted);
    }

    /** This entry, now held in {@code batch}'s copy of the same file. */
    public KnownTwin inBatch(String batch) {
        return new KnownTwin(twinId, contentHash, etag, batch, model, deleted);
    }
}
