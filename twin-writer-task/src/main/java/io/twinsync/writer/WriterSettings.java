package io.twinsync.writer;

import java.time.Duration;

/**
 * How the writer talks to ADT. Validated on construction; use {@link #defaults()} and the {@code with...} methods.
 *
 * @param concurrency twins handled at once within a phase (default 8); ADT allows 10 writes per second on one twin
 *     and about 500 creates per second per instance, so more is rarely faster
 * @param maxRetries retries of one request after a throttle (429), a timeout or server error (408, 500, 502, 503,
 *     504) or an I/O error (default 5); the SDK's own retries are off so this is the only retry layer
 * @param initialBackoff wait before the first retry when the service gives no {@code Retry-After} (default 500 ms);
 *     doubles per retry, with jitter
 * @param maxBackoff the longest wait between retries (default 30 s); a longer {@code Retry-After} from the service is
 *     cut to it, so that one answer cannot stall the run; raise it to honour longer waits
 * @param ignoreKnownState read every twin from ADT even when the known state says its file was already applied;
 *     use it after twins were changed in ADT directly (default false)
 */
public record WriterSettings(
        int concurrency, int maxRetries, Duration initialBackoff, Duration maxBackoff, boolean ignoreKnownState) {

    public WriterSettings {
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException(
                    "Writer concurrency must be between 1 and 256, was " + concurrency + "; the default is 8");
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
    }

    /** Settings without {@code ignoreKnownState}. */
    public WriterSettings(int concurrency, int maxRetries, Duration initialBackoff, Duration maxBackoff) {
        this(concurrency, maxRetries, initialBackoff, maxBackoff, false);
    }

    public static WriterSettings defaults() {
        return new WriterSettings(8, 5, Duration.ofMillis(500), Duration.ofSeconds(30), false);
    }

    public WriterSettings withConcurrency(int value) {
        return new WriterSettings(value, maxRetries, initialBackoff, maxBackoff, ignoreKnownState);
    }

    public WriterSettings withRetries(int retries, Duration initial, Duration max) {
        return new WriterSettings(concurrency, retries, initial, max, ignoreKnownState);
    }

    public WriterSettings withIgnoreKnownState(boolean value) {
        return new WriterSettings(concurrency, maxRetries, initialBackoff, maxBackoff, value);
    }
}
