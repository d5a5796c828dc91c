/** The writer's one retry layer: which failures to retry, how long to wait, and counts of retries and throttles. */
package io.twinsync.writer.retry;
