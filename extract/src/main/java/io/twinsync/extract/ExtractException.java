package io.twinsync.extract;

/** Extracting an entity failed; the message names the entity and says what to fix. It never carries credentials. */
public class ExtractException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExtractException(String message) {
        super(message);
    }

    public ExtractException(String message, Throwable cause) {
        super(message, cause);
    }
}
