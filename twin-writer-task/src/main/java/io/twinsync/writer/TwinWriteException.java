package io.twinsync.writer;

/**
 * The writer could not run at all: models rejected, the batch or the known state unreadable. Failures of single
 * twins or relationships never throw; they are reported in {@link WriteReport}.
 */
public class TwinWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TwinWriteException(String message) {
        super(message);
    }

    public TwinWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
