package io.twinsync.writer.retry;

import com.azure.core.exception.HttpResponseException;

/**
 * ADT kept throttling one request (429) for longer than the throttle budget allows it to wait. An
 * {@link HttpResponseException} carrying the last 429, so that code handling the service's answers by status sees
 * it as the throttle it is; its message says how long it was held up and what to change.
 */
public final class ThrottleBudgetExceededException extends HttpResponseException {

    private static final long serialVersionUID = 1L;

    ThrottleBudgetExceededException(String message, HttpResponseException lastThrottle) {
        super(message, lastThrottle.getResponse(), lastThrottle);
    }
}
