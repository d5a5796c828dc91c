package io.twinsync.writer.retry;

import com.azure.core.exception.HttpResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Short texts for messages: a failed request in one line, and a duration as people write it. */
final class FailureText {

    private static final int LONGEST = 300;

    private FailureText() {}

    /**
     * A failure in one line: {@code HTTP 503: Status code 503, "{...}"} for an answer, the first I/O error in the
     * chain for a request that got none ({@code ConnectException}, which the SDK wraps in reactor's
     * {@code ReactiveException} with no message of its own), else the exception itself.
     */
    static String oneLine(Throwable failure) {
        if (failure instanceof HttpResponseException http && http.getResponse() != null) {
            return "HTTP " + http.getResponse().getStatusCode() + ": " + cut(http.getMessage());
        }
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IOException && !(t instanceof UncheckedIOException)) {
                return named(t);
            }
        }
        return named(failure);
    }

    /** {@code 850 ms}, {@code 12 s}, {@code 10 min}, {@code 2 min 5 s}. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        long seconds = duration.toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        return seconds % 60 == 0 ? minutes + " min" : minutes + " min " + seconds % 60 + " s";
    }

    private static String named(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank()
                ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + cut(message);
    }

    private static String cut(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return line.length() > LONGEST ? line.substring(0, LONGEST) + "..." : line;
    }
}
