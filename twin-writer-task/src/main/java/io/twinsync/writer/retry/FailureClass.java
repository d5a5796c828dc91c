package io.twinsync.writer.retry;

import com.azure.core.exception.HttpResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/** Whether a failed request is worth sending again. */
public enum FailureClass {
    /** 429: the service asks us to slow down, usually with {@code Retry-After}. */
    THROTTLED,
    /** 408, 500, 502, 503, 504 or an I/O error: likely to work a moment later. */
    TRANSIENT,
    /** Anything else (400, 404, 409, 412, ...): sending it again gives the same answer. */
    PERMANENT;

    private static final Set<Integer> TRANSIENT_STATUS = Set.of(408, 500, 502, 503, 504);

    public static FailureClass of(Throwable failure) {
        if (failure instanceof HttpResponseException http && http.getResponse() != null) {
            int status = http.getResponse().getStatusCode();
            if (status == 429) {
                return THROTTLED;
            }
            return TRANSIENT_STATUS.contains(status) ? TRANSIENT : PERMANENT;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return TRANSIENT;
            }
        }
        return PERMANENT;
    }
}
