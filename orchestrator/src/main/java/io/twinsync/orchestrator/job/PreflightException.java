package io.twinsync.orchestrator.job;

/**
 * {@code twinsync run} cannot start a batch; the message says what to fix, whole. The failure found is kept as a
 * suppressed exception, for the debug log's stack trace, rather than as the cause whose message would repeat.
 */
public class PreflightException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PreflightException(String message, Throwable found) {
        super(message);
        if (found != null) {
            addSuppressed(found);
        }
    }
}
