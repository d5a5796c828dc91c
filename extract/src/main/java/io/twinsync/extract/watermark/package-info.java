/**
 * Incremental reads: per entity, the largest value of a watermark column seen in a batch, kept pending in the batch
 * and committed to the staging state only after the batch was written, so that a failed batch reads the same rows
 * again.
 */
package io.twinsync.extract.watermark;
