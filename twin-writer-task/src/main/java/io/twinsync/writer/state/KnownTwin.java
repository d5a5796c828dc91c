package io.twinsync.writer.state;

/**
 * A twin whose file (twin and relationships) the writer last applied in full to a target.
 *
 * <p>The ETag is recorded but not read yet: it is kept so that a changed twin can be patched with {@code If-Match}
 * without reading it first (a 412 then shows someone else changed it); today every changed twin is read. Dropping it
 * would change the state file's lines for no gain.
 *
 * @param twinId the ADT twin id
 * @param contentHash the twin file's content hash that was applied
 * @param etag the twin's ETag after the write, or null (tombstones, or when ADT gave none)
 */
public record KnownTwin(String twinId, String contentHash, String etag) {}
