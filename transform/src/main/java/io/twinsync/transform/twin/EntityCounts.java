package io.twinsync.transform.twin;

/**
 * What transform did with one entity's rows.
 *
 * @param rows rows read
 * @param twinFiles twin files written, tombstones included
 * @param tombstones twin files that are tombstones (rows flagged deleted)
 * @param relationships relationships in those files
 * @param rowsRejected rows set aside (a row with several problems counts once)
 */
public record EntityCounts(
        String entity, long rows, long twinFiles, long tombstones, long relationships, long rowsRejected) {}
