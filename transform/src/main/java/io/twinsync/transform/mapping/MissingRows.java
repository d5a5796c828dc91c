package io.twinsync.transform.mapping;

/**
 * Deletion by absence ({@code deleted.missing: true}): a twin that an earlier committed batch had from this entity,
 * and whose row is gone from this batch's full read, becomes a tombstone. Only for entities read whole (no
 * watermark), since an incremental read returns only changed rows.
 *
 * @param limit the largest share (0 to 1] of the entity's earlier twins that one batch may delete this way; above
 *     it nothing is deleted and the batch reports why. It guards against a source query or table that came back
 *     empty or cut short, which would otherwise delete the graph.
 */
public record MissingRows(double limit) {

    /** The default share: a batch may delete at most half of an entity's twins for missing rows. */
    public static final double DEFAULT_LIMIT = 0.5;

    public MissingRows {
        if (!(limit > 0 && limit <= 1)) {
            throw new IllegalArgumentException("missingLimit must be above 0 and at most 1, was " + limit);
        }
    }
}
