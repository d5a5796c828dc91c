package io.twinsync.writer.limit;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Paces writes to each twin and its relationships to at most {@code perSecond}, the limit ADT applies to one twin
 * whatever the instance's budget. Keeps an entry only for twins written within the last second or so, so memory
 * stays small however many twins a run writes. Thread-safe.
 */
final class TwinWriteRates {

    private static final int CLEAN_UP_AT = 4_096;

    private final long interval;
    private final Map<String, Long> nextStart = new HashMap<>();
    private int sinceCleanUp;

    TwinWriteRates(double perSecond) {
        this.interval = (long) (1e9 / perSecond);
    }

    /** Reserves the next start time for a write to {@code twinId}. */
    synchronized long reserve(String twinId, long now) {
        if (++sinceCleanUp >= CLEAN_UP_AT) {
            forgetIdle(now);
            sinceCleanUp = 0;
        }
        Long next = nextStart.get(twinId);
        long start = next == null ? now : Math.max(next, now);
        nextStart.put(twinId, start + interval);
        return start;
    }

    /** Twins whose next slot has passed carry no constraint any more. */
    private void forgetIdle(long now) {
        for (Iterator<Long> i = nextStart.values().iterator(); i.hasNext(); ) {
            if (i.next() <= now) {
                i.remove();
            }
        }
    }
}
