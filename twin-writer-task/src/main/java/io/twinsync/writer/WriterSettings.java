package io.twinsync.writer;

import io.twinsync.staging.BatchId;
import io.twinsync.writer.limit.RateLimits;
import io.twinsync.writer.retry.RetryPolicy;
import io.twinsync.writer.retry.RetrySchedule;
import java.time.Duration;

/**
 * How the writer talks to ADT. Validated on construction; use {@link #defaults()} and the {@code with...} methods.
 *
 * @param concurrency twins handled at once within a phase (default 64): enough requests in flight to use the
 *     instance's rate at 20-50 ms per request; the rate itself is bounded by {@code rateLimits}, not by this
 * @param maxRetries retries of one request after a timeout or server error (408, 500, 502, 503, 504) or an I/O error
 *     (default 5), while the target answers other requests; the SDK's own retries are off so this is the only retry
 *     layer. Throttles (429) do not count against it: they are waited out within {@code throttleBudget}
 * @param initialBackoff wait before the first retry when the service gives no {@code Retry-After} (default 500 ms);
 *     doubles per retry, with jitter
 * @param maxBackoff the longest wait between retries that the writer chooses itself (default 30 s); a
 *     {@code Retry-After} from the service is honoured as asked, within {@code throttleBudget}
 * @param fullCompare compare every twin and relationship of the batch with the graph, read by query, whatever the
 *     known state says, and delete the twins of the mapped models that no row produces: the remedy after the graph
 *     was changed by other means (default false)
 * @param rateLimits the request rates the writer keeps to, per API class and per twin, and its share of them
 *     (default: ADT's documented limits, all of them)
 * @param throttleBudget how long one request may be held up by throttling (429) before it fails, counted from its
 *     first 429 (default 10 minutes): sustained throttling slows a run down instead of failing twins. A
 *     {@code Retry-After} longer than what is left of it fails the request at once
 * @param unreachableAfter how long every request may fail without an answer (I/O errors, 408, 5xx) before the
 *     write stops with {@link TargetUnreachableException} (default 60 s). Until then, a retry after which nothing
 *     at all has answered does not count against {@code maxRetries}: requests wait the outage out, so an outage
 *     shorter than this fails no twin
 * @param replayOf the batch whose twin files are written, when the batch written is a replay of it (its files,
 *     copied); null otherwise. A twin the known state says a newer batch applied is then skipped, with its
 *     relationships ({@code skipped}, code {@link #NEWER_STATE_APPLIED}), rather than rolled back to this older
 *     file; the known state records the twins applied as applied by {@code replayOf}, whose data they hold. Not for a
 *     full compare, which makes the graph what the files say whatever was applied since
 */
public record WriterSettings(
        int concurrency,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        boolean fullCompare,
        RateLimits rateLimits,
        Duration throttleBudget,
        Duration unreachableAfter,
        BatchId replayOf) {

    /** The code of a replay's result line for a twin (and its relationships) that a newer batch applied since. */
    public static final String NEWER_STATE_APPLIED = "NewerStateApplied";

    /** The longest {@code throttleBudget} and {@code unreachableAfter}: a writer stalled longer is better stopped. */
    public static final Duration LONGEST_WAIT = Duration.ofHours(24);

    public static final Duration DEFAULT_THROTTLE_BUDGET = Duration.ofMinutes(10);
    public static final Duration DEFAULT_UNREACHABLE_AFTER = Duration.ofSeconds(60);

    public WriterSettings {
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException(
                    "Writer concurrency must be between 1 and 256, was " + concurrency + "; the default is 64");
        }
        if (maxRetries < 0 || maxRetries > 20) {
            throw new IllegalArgumentException(
                    "Writer maxRetries must be between 0 and 20, was " + maxRetries + "; the default is 5");
        }
        if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException(
                    "Writer initialBackoff must be positive, was " + initialBackoff + "; the default is 500 ms");
        }
        if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("Writer maxBackoff (" + maxBackoff
                    + ") must be at least initialBackoff (" + initialBackoff + "); the default is 30 s");
        }
        if (rateLimits == null) {
            throw new IllegalArgumentException("Writer rateLimits are missing; use RateLimits.serviceDefaults()");
        }
        checkWait("throttleBudget", throttleBudget, "10 minutes");
        checkWait("unreachableAfter", unreachableAfter, "60 s");
        if (fullCompare && replayOf != null) {
            throw new IllegalArgumentException("A replay (of batch " + replayOf + ") writes the twins no newer batch"
                    + " applied; it cannot be a full compare, which rewrites every twin. Run one or the other");
        }
    }

    /** Settings without {@code fullCompare}, with the default rate limits, throttle budget and window. */
    public WriterSettings(int concurrency, int maxRetries, Duration initialBackoff, Duration maxBackoff) {
        this(
                concurrency,
                maxRetries,
                initialBackoff,
                maxBackoff,
                false,
                RateLimits.serviceDefaults(),
                DEFAULT_THROTTLE_BUDGET,
                DEFAULT_UNREACHABLE_AFTER,
                null);
    }

    public static WriterSettings defaults() {
        return new WriterSettings(64, 5, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    public WriterSettings withConcurrency(int value) {
        return new WriterSettings(
                value,
                maxRetries,
                initialBackoff,
                maxBackoff,
                fullCompare,
                rateLimits,
                throttleBudget,
                unreachableAfter,
                replayOf);
    }

    public WriterSettings withRetries(int retries, Duration initial, Duration max) {
        return new WriterSettings(
                concurrency,
                retries,
                initial,
                max,
                fullCompare,
                rateLimits,
                throttleBudget,
                unreachableAfter,
                replayOf);
    }

    public WriterSettings withFullCompare(boolean value) {
        return new WriterSettings(
                concurrency,
                maxRetries,
                initialBackoff,
                maxBackoff,
                value,
                rateLimits,
                throttleBudget,
                unreachableAfter,
                replayOf);
    }

    public WriterSettings withRateLimits(RateLimits value) {
        return new WriterSettings(
                concurrency,
                maxRetries,
                initialBackoff,
                maxBackoff,
                fullCompare,
                value,
                throttleBudget,
                unreachableAfter,
                replayOf);
    }

    public WriterSettings withThrottleBudget(Duration value) {
        return new WriterSettings(
                concurrency,
                maxRetries,
                initialBackoff,
                maxBackoff,
                fullCompare,
                rateLimits,
                value,
                unreachableAfter,
                replayOf);
    }

    public WriterSettings withUnreachableAfter(Duration value) {
        return new WriterSettings(
                concurrency,
                maxRetries,
                initialBackoff,
                maxBackoff,
                fullCompare,
                rateLimits,
                throttleBudget,
                value,
                replayOf);
    }

    /** These settings for writing a replay of {@code original}'s twin files (null: not a replay). */
    public WriterSettings withReplayOf(BatchId original) {
        return new WriterSettings(
                concurrency,
                maxRetries,
                initialBackoff,
                maxBackoff,
                fullCompare,
                rateLimits,
                throttleBudget,
                unreachableAfter,
                original);
    }

    /** What the writer's {@code RequestRetrier} retries and for how long, by these settings. */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxRetries, new RetrySchedule(initialBackoff, maxBackoff), throttleBudget);
    }

    private static void checkWait(String name, Duration value, String defaultValue) {
        if (value == null || value.isNegative() || value.isZero() || value.compareTo(LONGEST_WAIT) > 0) {
            throw new IllegalArgumentException("Writer " + name + " must be more than 0 and at most 24 hours, was "
                    + value + "; the default is " + defaultValue);
        }
    }
}
