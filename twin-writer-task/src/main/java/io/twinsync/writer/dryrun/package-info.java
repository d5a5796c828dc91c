/**
 * {@code run --dry-run}: the write planned by the writer's own code, with every write recorded instead of sent, so
 * that the plan is what a write would do. Reads go to ADT, but only those the write would make.
 */
package io.twinsync.writer.dryrun;
