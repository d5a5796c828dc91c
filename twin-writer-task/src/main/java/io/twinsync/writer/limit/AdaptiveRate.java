package io.twinsync.writer.limit;

import java.time.Duration;

/**
 * Paces one class of requests to a rate that adapts to the service: requests get evenly spaced start times (no
 * bursts, no credit saved up while idle), at most {@code ceiling} per second. A throttle (429) cuts the rate by
 * {@value #DECREASE} (multiplicative decrease, not below {@value #FLOOR} of the ceiling) and holds every request of
 * the class until the service's {@code Retry-After} has passed; each second without a throttle then gives back
 * {@value #INCREASE_PER_SECOND} of the ceiling (additive increase), so the full rate returns within about 20 seconds.
 * Thread-safe.
 */
final class AdaptiveRate {

    static final double DECREASE = 0.7;
    static final double FLOOR = 0.05;
    static final double INCREASE_PER_SECOND = 0.05;
    private static final double SECOND = 1e9;

    private final double ceiling;
    private double rate;
    private long nextStart;
    private long heldUntil;
    private long lastChange;

    AdaptiveRate(double ceiling, long now) {
        this.ceiling = ceiling;
        this.rate = ceiling;
        this.nextStart = now;
        this.heldUntil = now;
        this.lastChange = now;
    }

    /** Reserves the next start time for one request; the caller waits until then. */
    synchronized long reserve(long now) {
        recover(now);
        long start = Math.max(Math.max(nextStart, now), heldUntil);
        nextStart = start + (long) (SECOND / rate);
        return start;
    }

    /** The service throttled a request of this class: slow down, and hold the class for {@code retryAfter}. */
    synchronized void throttled(long now, Duration retryAfter) {
        recover(now);
        rate = Math.max(ceiling * FLOOR, rate * DECREASE);
        lastChange = now;
        if (retryAfter != null && !retryAfter.isNegative()) {
            heldUntil = Math.max(heldUntil, now + retryAfter.toNanos());
        }
    }

    /** The current rate, requests per second. */
    synchronized double rate(long now) {
        recover(now);
        return rate;
    }

    private void recover(long now) {
        if (rate < ceiling && now > lastChange) {
            rate = Math.min(ceiling, rate + ceiling * INCREASE_PER_SECOND * (now - lastChange) / SECOND);
            lastChange = now;
        } else if (rate >= ceiling) {
            lastChange = now;
        }
    }
}
