/** Batches on a cron schedule, one at a time: {@code twinsync schedule}. */
package io.twinsync.orchestrator.schedule;
