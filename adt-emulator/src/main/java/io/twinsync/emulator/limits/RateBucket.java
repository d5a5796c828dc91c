package io.twinsync.emulator.limits;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket of one second's worth of requests, refilled continuously, kept as one "theoretical arrival time"
 * (the generic cell rate algorithm) so that it is lock-free: a full bucket admits {@code perSecond} requests at once,
 * then one every {@code 1 s / perSecond}.
 */
final class RateBucket {

    private static final long SECOND = 1_000_000_000L;

    private final long intervalNanos;
    private final long toleranceNanos;
    /** When the bucket will be full again if nothing else arrives; at or before "now" means it is full. */
    private final AtomicLong fullAt;

    RateBucket(int perSecond, long now) {
        this.intervalNanos = Math.max(1, SECOND / perSecond);
        this.toleranceNanos = SECOND - intervalNanos;
        this.fullAt = new AtomicLong(now);
    }

    /** Takes one token at {@code now}; answers 0 when admitted, else the nanoseconds until one is available. */
    long tryAcquire(long now) {
        while (true) {
            long current = fullAt.get();
            long start = current - now > 0 ? current : now;
            long owed = start - now;
            if (owed > toleranceNanos) {
                return owed - toleranceNanos;
            }
            if (fullAt.compareAndSet(current, start + intervalNanos)) {
                return 0;
            }
        }
    }

    /** Gives back a token taken by {@link #tryAcquire} for a request that another limit refused. */
    void release() {
        fullAt.addAndGet(-intervalNanos);
    }

    /** True when the bucket is full, so forgetting it changes nothing. */
    boolean isFull(long now) {
        return fullAt.get() - now <= 0;
    }
}
