package io.twinsync.writer.retry;

import com.azure.core.exception.HttpResponseException;
import io.twinsync.writer.limit.RequestKind;
import io.twinsync.writer.limit.RequestLimiter;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request and sends it again after throttling (honouring {@code Retry-After}, up to the schedule's longest
 * wait), timeouts, server errors and I/O errors, up to {@code maxRetries} times. Anything else, or the last failure, is thrown to the caller as the
 * SDK threw it. The SDK client must have its own retries off (see {@code AdtClients}) so that one layer decides.
 */
public final class RequestRetrier {

    private static final Logger log = LoggerFactory.getLogger(RequestRetrier.class);

    private final int maxRetries;
    private final RetrySchedule schedule;
    private final Sleeper sleeper;
    private final RequestCounters counters;
    private final RequestLimiter limiter;

    /** @param limiter paces every attempt and learns from throttles; {@link RequestLimiter#none()} for no limit */
    public RequestRetrier(
            int maxRetries, RetrySchedule schedule, Sleeper sleeper, RequestCounters counters, RequestLimiter limiter) {
        this.maxRetries = maxRetries;
        this.schedule = schedule;
        this.sleeper = sleeper;
        this.counters = counters;
        this.limiter = limiter;
    }

    public <T> T call(RequestKind kind, Attempts attempts, Supplier<T> request) {
        return call(kind, attempts, request, e -> false);
    }

    /**
     * Like {@link #call(String, Attempts, Supplier)}, also retrying service errors that {@code alsoRetry} accepts
     * (such as {@code RelationshipsNotDeleted} right after deleting relationships, which ADT reports while it
     * catches up).
     */
    public <T> T call(
            RequestKind kind, Attempts attempts, Supplier<T> request, Predicate<HttpResponseException> alsoRetry) {
        String what = kind.what();
        for (int retry = 0; ; retry++) {
            awaitRate(kind);
            counters.sent(retry > 0);
            attempts.add();
            try {
                return request.get();
            } catch (RuntimeException e) {
                FailureClass failure = classify(e, alsoRetry);
                Optional<Duration> asked = failure == FailureClass.THROTTLED ? retryAfter(e) : Optional.empty();
                if (failure == FailureClass.THROTTLED) {
                    counters.countThrottle();
                    limiter.throttled(kind.apiClass(), asked.orElse(null));
                }
                if (failure == FailureClass.PERMANENT || retry >= maxRetries) {
                    throw e;
                }
                // the service's own Retry-After when it gave one, else exponential backoff with jitter
                Duration wait = asked.isPresent() ? asked.get() : schedule.backoff(retry + 1);
                log.debug(
                        "{} failed ({}: {}); retry {} of {} in {} ms",
                        what,
                        failure,
                        e.getMessage(),
                        retry + 1,
                        maxRetries,
                        wait.toMillis());
                pause(what, wait);
            }
        }
    }

    private void awaitRate(RequestKind kind) {
        try {
            limiter.acquire(kind.apiClass(), kind.twinId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to send " + kind.what(), e);
        }
    }

    /**
     * The wait a 429 asks for, capped at the longest backoff, so that one answer (Retry-After: 3600) can stall
     * neither this request nor, through the limiter, its whole class.
     */
    private Optional<Duration> retryAfter(RuntimeException e) {
        Optional<Duration> asked = e instanceof HttpResponseException http && http.getResponse() != null
                ? RetryAfter.from(http.getResponse().getHeaders())
                : Optional.empty();
        return asked.map(wait -> wait.compareTo(schedule.max()) > 0 ? schedule.max() : wait);
    }

    private static FailureClass classify(RuntimeException e, Predicate<HttpResponseException> alsoRetry) {
        FailureClass failure = FailureClass.of(e);
        if (failure == FailureClass.PERMANENT && e instanceof HttpResponseException http && alsoRetry.test(http)) {
            return FailureClass.TRANSIENT;
        }
        return failure;
    }

    private void pause(String what, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry " + what, e);
        }
    }
}
