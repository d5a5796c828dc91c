package io.twinsync.writer;

import io.twinsync.writer.limit.RateLimits;
import java.time.Duration;

/**
 * How the writer talks to ADT. Validated on construction; use {@link #defaults()} and the {@code with...} methods.
 *
 * @param concurrency twins handled at once within a phase (default 64): enough requests in flight to use the
 *     instance's rate at 20-50 ms per request; the rate itself is bounded by {@code rateLimits}, not by this
 * @param maxRetries retries of one request after a throttle (429), a timeout or server error (408, 500, 502, 503,
 *     504) or an I/O error (default 5); the SDK's own retries are off so this is the only retry layer
 * @param initialBackoff wait before the first retry when the service gives no {@code Retry-After} (default 500 ms);
 *     doubles per retry, with jitter
 * @param maxBackoff the longest wait between retries (default 30 s); a longer {@code Retry-After} from the service is
 *     cut to it, so that one answer cannot stall the run; raise it to honour longer waits
 * @param fullCompare compare every twin and relationship of the batch with the graph, read by query, whatever the
 *     known state says, and delete the twins of the mapped models that no row produces: the remedy after the graph
 *     was changed by other means (default false)
 * @param rateLimits the request rates the writer keeps to, per API class and per twin, and its share of them
 *     (default: ADT's documented limits, all of them)
 */
public record WriterSettings(
        int concurrency,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        boolean fullCompare,
        RateLimits rateLimits) {

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
    }

    /** Settings without {@code fullCompare}. */
    public WriterSettings(int concurrency, int maxRetries, Duration initialBackoff, Duration maxBackoff) {
        this(concurrency, maxRetries, initialBackoff, maxBackoff, false, RateLimits.serviceDefaults());
    }

    public static WriterSettings defaults() {
        return new WriterSettings(
                64, 5, Duration.ofMillis(500), Duration.ofSeconds(30), false, RateLimits.serviceDefaults());
    }

    public WriterSettings withConcurrency(int value) {
        return new WriterSettings(value, maxRetries, initialBackoff, maxBackoff, fullCompare, rateLimits);
    }

    public WriterSettings withRetries(int retries, Duration initial, Duration max) {
        return new WriterSettings(concurrency, retries, initial, max, fullCompare, rateLimits);
    }

    public WriterSettings withFullCompare(boolean value) {
        return new WriterSettings(concurrency, maxRetries, initialBackoff, maxBackoff, value, rateLimits);
    }

    public WriterSettings withRateLimits(RateLimits value) {
        return new WriterSettings(concurrency, maxRetries, initialBackoff, maxBackoff, fullCompare, value);
    }
}
