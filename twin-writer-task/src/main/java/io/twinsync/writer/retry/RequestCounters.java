package io.twinsync.writer.retry;

import io.twinsync.writer.limit.ApiClass;
import io.twinsync.writer.report.RequestTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Requests sent, how many of them were retries, and how many were throttled (429), over one write; and the requests
 * and 429s of each second, for the batch report's chart of the write.
 */
public final class RequestCounters {

    private static final int SENT = 0;
    private static final int THROTTLED = 1;

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final Map<Long, AtomicLongArray> perSecond = new ConcurrentSkipListMap<>();
    private final LongSupplier millis;
    private final RequestListener listener;

    public RequestCounters() {
        this(RequestListener.NONE);
    }

    /** Counters that also tell {@code listener} of each request as it ends. */
    public RequestCounters(RequestListener listener) {
        this(System::currentTimeMillis, listener);
    }

    /** @param millis the clock the seconds are counted by, in epoch milliseconds */
    RequestCounters(LongSupplier millis) {
        this(millis, RequestListener.NONE);
    }

    private RequestCounters(LongSupplier millis, RequestListener listener) {
        this.millis = millis;
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
        thisSecond().incrementAndGet(SENT);
    }

    void countThrottle() {
        throttled.incrementAndGet();
        thisSecond().incrementAndGet(THROTTLED);
    }

    private AtomicLongArray thisSecond() {
        return perSecond.computeIfAbsent(Math.floorDiv(millis.getAsLong(), 1000L), s -> new AtomicLongArray(2));
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

    /**
     * The seconds in which a request was sent or answered 429, oldest first: requests are counted when sent, 429s
     * when the answer came.
     */
    public RequestTimeline timeline() {
        List<RequestTimeline.Second> seconds = new ArrayList<>();
        perSecond.forEach((second, counts) -> seconds.add(
                new RequestTimeline.Second(Instant.ofEpochSecond(second), counts.get(SENT), counts.get(THROTTLED))));
        return new RequestTimeline(seconds);
    }
}
