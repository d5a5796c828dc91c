package io.twinsync.emulator.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One {@link RateBucket} per twin id, created on first use. Full buckets are evicted once the map has grown, so a
 * run that touches millions of twins keeps only the ones written to within the last second.
 */
final class TwinRateBuckets {

    /** Sweep once the map holds this many twins, and then only every {@link #SWEEP_INTERVAL_NANOS}. */
    static final int SWEEP_THRESHOLD = 4_096;

    private static final long SWEEP_INTERVAL_NANOS = 100_000_000L;

    private final int perSecond;
    private final ConcurrentHashMap<String, RateBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong(Long.MIN_VALUE);

    TwinRateBuckets(int perSecond) {
        this.perSecond = perSecond;
    }

    /** Takes one token from the twin's bucket; 0 when admitted, else nanoseconds until one is available. */
    long tryAcquire(String twinId, long now) {
        sweepIfLarge(now);
        long[] wait = new long[1];
        // compute() runs under the map's lock for this key, so an eviction never races with an acquisition.
        buckets.compute(twinId, (id, bucket) -> {
            RateBucket current = bucket == null ? new RateBucket(perSecond, now) : bucket;
            wait[0] = current.tryAcquire(now);
            return current;
        });
        return wait[0];
    }

    /** How many twins have state now (for tests of the eviction). */
    int size() {
        return buckets.size();
    }

    private void sweepIfLarge(long now) {
        if (buckets.size() < SWEEP_THRESHOLD) {
            return;
        }
        long last = lastSweep.get();
        if (last != Long.MIN_VALUE && now - last < SWEEP_INTERVAL_NANOS) {
            return;
        }
        if (lastSweep.compareAndSet(last, now)) {
            buckets.forEach((id, bucket) -> buckets.computeIfPresent(id, (key, b) -> b.isFull(now) ? null : b));
        }
    }
}
