package io.twinsync.emulator.faults;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Twin ids with something that happened to them in the last {@code window}, such as a create. Expired entries are
 * swept once the map has grown, so memory stays proportional to the events of one window.
 */
final class RecentEvents {

    private static final int SWEEP_THRESHOLD = 1_024;

    private final long windowNanos;
    private final ConcurrentHashMap<String, Long> until = new ConcurrentHashMap<>();
    private final AtomicLong recordsSinceSweep = new AtomicLong();

    RecentEvents(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    void record(String twinId, long now) {
        until.put(twinId, now + windowNanos);
        if (until.size() >= SWEEP_THRESHOLD && recordsSinceSweep.incrementAndGet() % SWEEP_THRESHOLD == 0) {
            until.values().removeIf(deadline -> deadline - now <= 0);
        }
    }

    /** True when an event for the twin was recorded less than one window ago. */
    boolean isRecent(String twinId, long now) {
        Long deadline = until.get(twinId);
        if (deadline == null) {
            return false;
        }
        if (deadline - now > 0) {
            return true;
        }
        until.remove(twinId, deadline);
        return false;
    }

    int size() {
        return until.size();
    }
}
