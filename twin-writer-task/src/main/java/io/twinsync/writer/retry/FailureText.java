package io.twinsync.writer.retry;

import com.azure.core.exception.HttpResponseException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** Short texts for messages: a failed request in one line, and a duration as people write it. */
final class FailureText {

    private static final int LONGEST = 300;

    /** I/O failures as what happened, most specific first; the first whose type matches names it. */
    private static final List<Map.Entry<Class<? extends Throwable>, String>> KINDS = List.of(
            Map.entry(ConnectException.class, "connection refused"),
            Map.entry(UnknownHostException.class, "unknown host"),
            Map.entry(SocketTimeoutException.class, "timed out"),
            Map.entry(HttpTimeoutException.class, "timed out"),
            Map.entry(SSLHandshakeException.class, "TLS handshake failed (is the endpoint's certificate trusted?)"),
            Map.entry(SSLException.class, "TLS error"),
            Map.entry(EOFException.class, "connection closed"),
            Map.entry(ClosedChannelException.class, "connection closed"),
            Map.entry(IOException.class, "I/O error"));

    private FailureText() {}

    /**
     * A failure in one line, in words rather than Java class names: {@code HTTP 503: Status code 503, "{...}"} for an
     * answer; for a request that got none, the first I/O error in the chain (which the SDK wraps in reactor's
     * {@code ReactiveException} with no message of its own) said as what happened, such as
     * {@code connection refused} or {@code unknown host};
     * else the failure's message.
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
        String message = t.getMessage() == null ? "" : cut(t.getMessage());
        String what = KINDS.stream()
                .filter(kind -> kind.getKey().isInstance(t))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        if (what == null) {
            // not an I/O failure: its own message says it best; the type only when it has none
            return message.isEmpty() ? "an unexpected error (TWINSYNC_LOG_LEVEL=DEBUG logs its details)" : message;
        }
        // The JDK's messages repeat the kind ("Connection refused"): only one that adds something is kept.
        return message.isEmpty() || what.toLowerCase(Locale.ROOT).contains(message.toLowerCase(Locale.ROOT))
                ? what
                : what + ": " + message;
    }

    private static String cut(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return line.length() > LONGEST ? line.substring(0, LONGEST) + "..." : line;
    }
}
