package io.twinsync.writer.retry;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads how long the service asks us to wait: {@code x-ms-retry-after-ms}, {@code retry-after-ms}, then
 * {@code Retry-After} in seconds (ADT sends seconds). An HTTP-date {@code Retry-After} is ignored and the normal
 * backoff applies (ADT-FACTS section 2: the SDK's own retry policy reads the three in this order). {@link RequestRetrier}
 * waits as asked, within its throttle budget.
 */
public final class RetryAfter {

    private static final HttpHeaderName X_MS_RETRY_AFTER_MS = HttpHeaderName.fromString("x-ms-retry-after-ms");
    private static final HttpHeaderName RETRY_AFTER_MS = HttpHeaderName.fromString("retry-after-ms");

    private RetryAfter() {}

    public static Optional<Duration> from(HttpHeaders headers) {
        if (headers == null) {
            return Optional.empty();
        }
        return millis(headers.getValue(X_MS_RETRY_AFTER_MS))
                .or(() -> millis(headers.getValue(RETRY_AFTER_MS)))
                .or(() -> seconds(headers.getValue(HttpHeaderName.RETRY_AFTER)));
    }

    private static Optional<Duration> millis(String value) {
        return number(value).map(Duration::ofMillis);
    }

    private static Optional<Duration> seconds(String value) {
        return number(value).map(Duration::ofSeconds);
    }

    private static Optional<Long> number(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            long parsed = Long.parseLong(value.trim());
            return parsed >= 0 ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
