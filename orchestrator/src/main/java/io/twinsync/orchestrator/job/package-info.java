/** The sync job: extract, transform and write one batch, as Spring Batch steps. */
package io.twinsync.orchestrator.job;
