package io.twinsync.writer.retry;

import com.azure.core.exception.ClientAuthenticationException;
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
 * Sends a request and sends it again when that may help, with two bounds:
 *
 * <ul>
 *   <li>a throttle (429) is waited out, as long as its {@code Retry-After} asks (else with backoff), for up to
 *       {@link RetryPolicy#throttleBudget()} in all per request, and spends no retry: sustained throttling slows a
 *       run down instead of failing twins. Past the budget it throws {@link ThrottleBudgetExceededException};
 *   <li>timeouts, server errors and I/O errors (408, 500, 502, 503, 504, no answer) are retried with backoff up to
 *       {@link RetryPolicy#maxRetries()} times while the target answers other requests, and then the last failure
 *       is thrown as the SDK threw it. While it answers nothing at all, retries do not count ({@link RetryCount}):
 *       the request waits the outage out, until an answer comes or the write's {@link TargetCircuitBreaker} opens.
 * </ul>
 *
 * <p>Anything else is thrown at once. Every attempt first checks the circuit and reports to it whether the target
 * answered, so that a target that answers nothing for the circuit's window stops the whole write with one
 * {@link io.twinsync.writer.TargetUnreachableException}. The SDK client must have its own retries off (see
 * {@code AdtClients}) so that one layer decides.
 */
public final class RequestRetrier {

    private static final Logger log = LoggerFactory.getLogger(RequestRetrier.class);

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RequestCounters counters;
    private final RequestLimiter limiter;
    private final TargetCircuitBreaker circuit;

    /**
     * @param limiter paces every attempt and learns from throttles; {@link RequestLimiter#none()} for no limit
     * @param circuit the write's circuit breaker, shared by all its requests
     */
    public RequestRetrier(
            RetryPolicy policy,
            Sleeper sleeper,
            RequestCounters counters,
            RequestLimiter limiter,
            TargetCircuitBreaker circuit) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.counters = counters;
        this.limiter = limiter;
        this.circuit = circuit;
    }

    public <T> T call(RequestKind kind, Attempts attempts, Supplier<T> request) {
        return call(kind, attempts, request, e -> false);
    }

    /**
     * Like {@link #call(RequestKind, Attempts, Supplier)}, also retrying service errors that {@code alsoRetry}
     * accepts (such as {@code RelationshipsNotDeleted} right after deleting relationships, which ADT reports while
     * it catches up), as many times as server errors.
     */
    public <T> T call(
            RequestKind kind, Attempts attempts, Supplier<T> request, Predicate<HttpResponseException> alsoRetry) {
        String what = kind.what();
        RetryCount retries = new RetryCount(policy.maxRetries());
        int throttles = 0;
        Duration throttledFor = Duration.ZERO;
        for (int attempt = 0; ; attempt++) {
            circuit.check();
            awaitRate(kind);
            circuit.check(); // the limiter may have held this request while the circuit opened
            counters.sent(attempt > 0);
            attempts.add();
            T result;
            long sentAt = System.nanoTime();
            try {
                result = request.get();
            } catch (RuntimeException e) {
                // a 404 the caller takes as "absent" counts as refused here: only the caller knows
                counters.ended(
                        kind.apiClass(), RequestListener.RequestOutcome.of(e), attempt > 0, System.nanoTime() - sentAt);
                int status = e instanceof HttpResponseException http && http.getResponse() != null
                        ? http.getResponse().getStatusCode()
                        : 0;
                if (status == 401 || status == 403) {
                    throw circuit.refused(what, status, e); // every request would be refused alike
                }
                if (isTokenFailure(e)) {
                    throw circuit.noToken(what, e); // no token, no request: every one would fail alike
                }
                FailureClass failure = FailureClass.of(e);
                TargetCircuitBreaker.Outage outage = null;
                if (failure == FailureClass.TRANSIENT) {
                    outage = circuit.failed(what, e); // no answer, or 408/5xx; throws once that has lasted the window
                } else if (e instanceof HttpResponseException) {
                    circuit.answered();
                }
                Duration wait;
                if (failure == FailureClass.THROTTLED) {
                    throttles++;
                    wait = throttleWait(kind, (HttpResponseException) e, throttles, throttledFor);
                    throttledFor = throttledFor.plus(wait);
                    log.debug("{} throttled ({} times); sending it again in {} ms", what, throttles, wait.toMillis());
                } else if (failure == FailureClass.TRANSIENT || isRetriedError(e, alsoRetry)) {
                    if (!retries.retryAfter(outage)) {
                        throw e;
                    }
                    wait = policy.schedule().backoff(retries.sent());
                    if (outage != null) {
                        // retry no later than the circuit would open, so that it opens on time if this fails too
                        wait = min(wait, circuit.untilOpen());
                        if (retries.waitingOutAnOutage()) {
                            circuit.waitingOut(outage, what);
                        }
                    }
                    log.debug(
                            "{} failed ({}: {}); retry {} in {} ms ({} of {} counted: retries while nothing answers"
                                    + " do not count)",
                            what,
                            failure,
                            e.getMessage(),
                            retries.sent(),
                            wait.toMillis(),
                            retries.counted(),
                            policy.maxRetries());
                } else {
                    throw e;
                }
                pause(what, wait);
                continue;
            }
            counters.ended(kind.apiClass(), RequestListener.RequestOutcome.OK, attempt > 0, System.nanoTime() - sentAt);
            circuit.answered();
            return result;
        }
    }

    /**
     * How long to wait after the {@code throttles}-th 429 of a request: what the service asks ({@code Retry-After}
     * and its millisecond forms), else backoff. Holds the request's class in the limiter as long, and throws when
     * the wait would take the request past its throttle budget.
     */
    private Duration throttleWait(
            RequestKind kind, HttpResponseException throttle, int throttles, Duration throttledBefore) {
        counters.countThrottle();
        Optional<Duration> asked = retryAfter(throttle);
        Duration budget = policy.throttleBudget();
        // The class waits as the request does; a Retry-After beyond the budget holds it for the budget at most.
        limiter.throttled(kind.apiClass(), asked.map(wait -> min(wait, budget)).orElse(null));
        Duration wait = asked.orElseGet(() -> policy.schedule().backoff(throttles));
        Duration left = budget.minus(throttledBefore);
        if (wait.compareTo(left) > 0) {
            throw new ThrottleBudgetExceededException(
                    kind.what() + " was throttled by ADT (429) " + throttles + " times, and the "
                            + (asked.isPresent() ? FailureText.duration(wait) + " it asked to wait next" : "next wait")
                            + " would take it past its throttle budget ("
                            + FailureText.duration(budget) + ", " + FailureText.duration(throttledBefore)
                            + " spent). Something else may be using the instance's rate limits: give this writer"
                            + " a smaller rate share, or raise the throttle budget, and run again.",
                    throttle);
        }
        return wait;
    }

    private void awaitRate(RequestKind kind) {
        try {
            limiter.acquire(kind.apiClass(), kind.twinId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to send " + kind.what(), e);
        }
    }

    /** The wait a 429 asks for, in its headers (ADT sends {@code Retry-After} in seconds), if any. */
    private static Optional<Duration> retryAfter(HttpResponseException throttle) {
        return throttle.getResponse() == null
                ? Optional.empty()
                : RetryAfter.from(throttle.getResponse().getHeaders());
    }

    private static boolean isRetriedError(RuntimeException e, Predicate<HttpResponseException> alsoRetry) {
        return e instanceof HttpResponseException http && alsoRetry.test(http);
    }

    /**
     * The credential gave no token (azure-identity's {@code CredentialUnavailableException} and its other failures
     * extend azure-core's {@code ClientAuthenticationException}), so the request was never sent.
     */
    private static boolean isTokenFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ClientAuthenticationException) {
                return true;
            }
        }
        return false;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
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
