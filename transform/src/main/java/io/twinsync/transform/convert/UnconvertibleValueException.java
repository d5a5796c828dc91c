package io.twinsync.transform.convert;

/** A value cannot become the target schema; the message says why, for the reject's reason. */
public final class UnconvertibleValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;

    public UnconvertibleValueException(String reason) {
        this(reason, null);
    }

    /**
     * @param path where inside a structured value the problem is, such as {@code .latitude} or {@code [2]}; null for
     *     the value as a whole
     */
    public UnconvertibleValueException(String reason, String path) {
        // No stack trace: this is an expected outcome for bad data, reported as a reject, not a bug.
        super(reason, null, false, false);
        this.path = path;
    }

    /** Where inside a structured value the problem is ({@code .latitude}, {@code [2]}), or null. */
    public String path() {
        return path;
    }
}
