package io.twinsync.emulator.error;

import java.util.List;

/**
 * A request the emulator refuses the way ADT would. The HTTP layer turns it into
 * {@code {"error":{"code","message","details"}}} with the error's status.
 */
public final class AdtException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final AdtError error;
    private final List<String> details;

    public AdtException(AdtError error, String message) {
        this(error, message, List.of());
    }

    public AdtException(AdtError error, String message, List<String> details) {
        super(message);
        this.error = error;
        this.details = List.copyOf(details);
    }

    public AdtError error() {
        return error;
    }

    /** Finer-grained messages (one per problem) that go into {@code error.details}. */
    public List<String> details() {
        return details;
    }
}
