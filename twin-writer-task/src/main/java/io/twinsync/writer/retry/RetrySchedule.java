package io.twinsync.writer.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: before retry {@code n} (from 1) the base wait is {@code initial * 2^(n-1)},
 * capped at {@code max}, and the actual wait is drawn from {@code [base/2, base]} so that parallel tasks that were
 * throttled together do not come back together.
 */
public final class RetrySchedule {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    public RetrySchedule(Duration initial, Duration max) {
        this(initial, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** With a given source of numbers in {@code [0, 1)}. */
    public RetrySchedule(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration backoff(int retry) {
        long base = baseMillis(retry);
        long half = base / 2;
        return Duration.ofMillis(half + Math.round(random.getAsDouble() * (base - half)));
    }

    /** The longest wait between retries that the schedule chooses; a server's {@code Retry-After} may be longer. */
    public Duration max() {
        return max;
    }

    /** The wait before jitter. */
    public long baseMillis(int retry) {
        int doublings = Math.min(Math.max(retry - 1, 0), 30);
        long base = initial.toMillis() << doublings;
        return Math.min(base, max.toMillis());
    }
}
