package io.twinsync.writer.retry;

import io.twinsync.writer.limit.ApiClass;
import java.util.concurrent.atomic.AtomicLong;

/** Requests sent, how many of them were retries, and how many were throttled (429), over one write. */
public final class RequestCounters {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final RequestListener listener;

    public RequestCounters() {
        this(RequestListener.NONE);
    }

    /** Counters that also tell {@code listener} of each request as it ends. */
    public RequestCounters(RequestListener listener) {
        this.listener = listener;
    }

    void ended(ApiClass apiClass, RequestListener.RequestOutcome outcome, boolean retry, long nanos) {
        listener.ended(apiClass, outcome, retry, nanos);
    }

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
