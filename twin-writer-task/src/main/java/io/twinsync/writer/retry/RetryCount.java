package io.twinsync.writer.retry;

/**
 * The retries of one request after failures that may pass (408, 5xx, I/O errors, and errors its caller names), and
 * which of them count against {@code maxRetries}.
 *
 * <p>A retry counts when the target answered something (this request or any other) between the failure before it
 * and the failure after it: the target is there, so the failure is this request's own, and {@code maxRetries}
 * bounds it as always. A retry with no answer at all in between is the whole target being out: it does not count,
 * and the request goes on retrying until an answer comes (then the count applies again) or the write's
 * {@link TargetCircuitBreaker} opens at the end of its window. So an outage shorter than the window fails no
 * request, and one longer stops everything with one message, whatever {@code maxRetries} is. With
 * {@code maxRetries} 0 nothing is retried at all. Used by one request, on one thread.
 */
final class RetryCount {

    private final int max;
    private int sent;
    private int counted;
    private TargetCircuitBreaker.Outage previousOutage;
    private boolean silentSincePrevious;

    RetryCount(int max) {
        this.max = max;
    }

    /**
     * After a failure: whether to send the request again; if so, counts that retry as sent.
     *
     * @param outage the outage the failure belongs to ({@link TargetCircuitBreaker#failed}), or null when the failure
     *     was an answer (an error its caller retries)
     */
    boolean retryAfter(TargetCircuitBreaker.Outage outage) {
        silentSincePrevious = sent > 0 && outage != null && outage == previousOutage;
        if (sent > 0 && !silentSincePrevious) {
            counted++;
        }
        previousOutage = outage;
        if (counted >= max) {
            return false;
        }
        sent++;
        return true;
    }

    /** Retries sent so far, counted or not: sets the backoff, which keeps growing (up to its cap) through outages. */
    int sent() {
        return sent;
    }

    /** Retries that counted against {@code maxRetries}. */
    int counted() {
        return counted;
    }

    /**
     * Whether the request is being retried more often than {@code maxRetries} because nothing at all has answered
     * since its previous failure.
     */
    boolean waitingOutAnOutage() {
        return sent > max && silentSincePrevious;
    }
}
