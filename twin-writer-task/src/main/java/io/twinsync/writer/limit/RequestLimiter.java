package io.twinsync.writer.limit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client-side rate limiting, so that the service rarely needs to throttle: before each request (first attempts and
 * retries alike) {@link #acquire} waits for a start time within its class's rate and, for a write, within its
 * twin's. {@link #throttled} feeds the service's 429s back (see {@link AdaptiveRate}). Thread-safe; one per write.
 */
public final class RequestLimiter {

    private final Pacer pacer;
    private final Map<ApiClass, AdaptiveRate> rates = new EnumMap<>(ApiClass.class);
    private final TwinWriteRates twinWrites;
    private final AtomicLong waitedNanos = new AtomicLong();

    /** @param pacer the clock and waits; null for {@link #none()} */
    public RequestLimiter(RateLimits limits, Pacer pacer) {
        this.pacer = pacer;
        long now = pacer == null ? 0 : pacer.nanoTime();
        for (ApiClass apiClass : ApiClass.values()) {
            rates.put(apiClass, new AdaptiveRate(limits.effective(apiClass), now));
        }
        this.twinWrites = new TwinWriteRates(limits.perTwinWrites());
    }

    /**
     * A limiter that never waits and ignores throttles: the service is then the only brake (the SDK's own behaviour,
     * for a baseline to compare with).
     */
    public static RequestLimiter none() {
        return new RequestLimiter(RateLimits.serviceDefaults(), null);
    }

    /**
     * Waits until a request of {@code apiClass} may start.
     *
     * @param twinId the twin a create, patch or delete writes (for a relationship, its source twin), which must
     *     also stay within the per-twin limit; null for reads, queries and models
     */
    public void acquire(ApiClass apiClass, String twinId) throws InterruptedException {
        if (pacer == null) {
            return;
        }
        // The twin's slot first, then the class's from then on: reserving both at once would spend class slots
        // that a twin's slower pace leaves unused, and the class would run below its rate.
        if (twinId != null) {
            waitFor(twinWrites.reserve(twinId, pacer.nanoTime()));
        }
        waitFor(rates.get(apiClass).reserve(pacer.nanoTime()));
    }

    private void waitFor(long start) throws InterruptedException {
        long now = pacer.nanoTime();
        if (start > now) {
            waitedNanos.addAndGet(start - now);
            pacer.awaitUntil(start);
        }
    }

    /** The service answered 429 to a request of {@code apiClass}, asking to wait {@code retryAfter} (or null). */
    public void throttled(ApiClass apiClass, Duration retryAfter) {
        if (pacer != null) {
            rates.get(apiClass).throttled(pacer.nanoTime(), retryAfter);
        }
    }

    /** The rate a class may use now, requests per second (below its limit for a while after a throttle). */
    public double currentRate(ApiClass apiClass) {
        return pacer == null ? Double.POSITIVE_INFINITY : rates.get(apiClass).rate(pacer.nanoTime());
    }

    /** Total time requests waited for the limiter, summed over threads. */
    public Duration waited() {
        return Duration.ofNanos(waitedNanos.get());
    }
}
