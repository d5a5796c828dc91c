package io.twinsync.transform.convert;

/** A value cannot become the target schema; the message says why, for the reject's reason. */
public final class UnconvertibleValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnconvertibleValueException(String reason) {
        // No stack trace: this is an expected outcome for bad data, reported as a reject, not a bug.
        super(reason, null, false, false);
    }
}
