package io.twinsync.extract.watermark;

/** How an entity was read in a batch. */
public enum ReadKind {
    /** Every row: no watermark configured, none kept yet, or the kept one no longer matches the configuration. */
    FULL,
    /** Only rows whose watermark column is greater than the last committed batch's maximum. */
    INCREMENTAL
}
