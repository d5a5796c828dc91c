package io.twinsync.writer.retry;

import java.util.concurrent.atomic.AtomicLong;

/** Requests sent, how many of them were retries, and how many were throttled (429), over one write. */
public final class RequestCounters {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();

    void sent(boolean isRetry) {
        requests.incrementAndGet();
        if (isRetry) {
            retried.incrementAndGet();
        }
    }

    void countThrottle() {
        throttled.incrementAndGet();
    }

    public long requests() {
        return requests.get();
    }

    public long retried() {
        return retried.get();
    }

    public long throttled() {
        return throttled.get();
    }
}
