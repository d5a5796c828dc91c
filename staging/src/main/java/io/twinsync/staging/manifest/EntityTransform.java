package io.twinsync.staging.manifest;

/**
 * What transform made of one entity's rows.
 *
 * @param rows rows read
 * @param twinFiles twin files written, tombstones included
 * @param tombstones twin files that delete their twin
 * @param relationships relationships in the twin files
 * @param rowsRejected rows set aside (listed in {@code rejects/transform.ndjson})
 */
public record EntityTransform(long rows, long twinFiles, long tombstones, long relationships, long rowsRejected) {

    public EntityTransform plus(EntityTransform other) {
        return new EntityTransform(
                rows + other.rows,
                twinFiles + other.twinFiles,
                tombstones + other.tombstones,
                relationships + other.relationships,
                rowsRejected + other.rowsRejected);
    }
}
