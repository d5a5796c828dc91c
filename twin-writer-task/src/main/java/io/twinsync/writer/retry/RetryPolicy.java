package io.twinsync.writer.retry;

import java.time.Duration;

/**
 * What {@link RequestRetrier} retries and for how long.
 *
 * @param maxRetries retries of one request after a 408, a 5xx or an I/O error (and errors its caller names)
 * @param schedule the backoff between those retries, and after a 429 without {@code Retry-After}
 * @param throttleBudget the longest one request waits in all after throttles (429) before it fails
 */
public record RetryPolicy(int maxRetries, RetrySchedule schedule, Duration throttleBudget) {}
