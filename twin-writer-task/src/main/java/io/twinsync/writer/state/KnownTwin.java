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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KnownTwin(String twinId, String contentHash, String etag, String batchId) {

    /** An entry without the batch that applied it. */
    public KnownTwin(String twinId, String contentHash, String etag) {
        this(twinId, contentHash, etag, null);
    }
}
