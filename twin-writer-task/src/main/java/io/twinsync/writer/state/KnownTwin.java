package io.twinsync.writer.state;

/**
 * A twin whose file (twin and relationships) the writer last applied in full to a target.
 *
 * @param twinId the ADT twin id
 * @param contentHash the twin file's content hash that was applied
 * @param etag the twin's ETag after the write, or null (tombstones, or when ADT gave none)
 */
public record KnownTwin(String twinId, String contentHash, String etag) {}
