package io.twinsync.writer;

import java.time.Duration;

/**
 * The write (or a models command) stopped early because every request to the target failed without an answer (I/O
 * errors, 408, 5xx) for longer than {@link WriterSettings#unreachableAfter()}; requests waited that long for it
 * instead of failing one by one. Or, as {@link TargetRefusedException}, because the target refused the credential. Nothing is recorded for the twins not yet written: the twins written before stay
 * in ADT, and running the same write again writes the rest.
 */
public class TargetUnreachableException extends TwinWriteException {

    private static final long serialVersionUID = 1L;

    private final transient Duration failingFor;
    private final transient Throwable lastFailure;

    /**
     * @param message what happened, with the last failure in one line, and what to do
     * @param failingFor how long every request had failed when the write stopped
     * @param lastFailure the last request's failure
     */
    public TargetUnreachableException(String message, Duration failingFor, Throwable lastFailure) {
        super(message);
        this.failingFor = failingFor;
        this.lastFailure = lastFailure;
        // Suppressed, not the cause: its text is in the message already, and callers that print the chain of
        // causes (the CLI's handler) would repeat it in a second, rawer line. Stack traces still show it.
        if (lastFailure != null) {
            addSuppressed(lastFailure);
        }
    }

    /** The same stop, thrown anew in another request's thread, so that its stack trace says where it stopped. */
    public TargetUnreachableException again() {
        return new TargetUnreachableException(getMessage(), failingFor, lastFailure);
    }

    /** How long every request had failed when the write stopped. */
    public Duration failingFor() {
        return failingFor;
    }

    /** The last request's failure (also among the suppressed exceptions). */
    public Throwable lastFailure() {
        return lastFailure;
    }
}
