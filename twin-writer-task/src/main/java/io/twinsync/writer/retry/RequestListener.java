package io.twinsync.writer.retry;

import io.twinsync.writer.limit.ApiClass;

/**
 * Told of every request a write sends, as it ends: what a progress display and metrics count. Called on the thread
 * that sent the request, by many at once: must be quick and thread-safe.
 */
@FunctionalInterface
public interface RequestListener {

    RequestListener NONE = (apiClass, outcome, retry, nanos) -> {};

    /**
     * @param apiClass the request's class of ADT's limits
     * @param outcome how it ended
     * @param retry whether it was a retry of a request sent before
     * @param nanos from sending it to its answer (or failure)
     */
    void ended(ApiClass apiClass, RequestOutcome outcome, boolean retry, long nanos);

    /** Both this and {@code other}. */
    default RequestListener and(RequestListener other) {
        if (other == NONE) {
            return this;
        }
        if (this == NONE) {
            return other;
        }
        return (apiClass, outcome, retry, nanos) -> {
            ended(apiClass, outcome, retry, nanos);
            other.ended(apiClass, outcome, retry, nanos);
        };
    }

    /** How a request ended. */
    enum RequestOutcome {
        /** Answered with success. */
        OK,
        /** 429: the service asked to slow down. */
        THROTTLED,
        /** No answer, 408 or 5xx: likely to work a moment later. */
        TRANSIENT,
        /** Refused for good (400, 403, 409, 412, ...; also a 404 the writer takes as "absent"). */
        REFUSED;

        static RequestOutcome of(RuntimeException failure) {
            return switch (FailureClass.of(failure)) {
                case THROTTLED -> THROTTLED;
                case TRANSIENT -> TRANSIENT;
                case PERMANENT -> REFUSED;
            };
        }
    }
}
