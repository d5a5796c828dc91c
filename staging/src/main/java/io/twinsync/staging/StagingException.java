package io.twinsync.staging;

/** Reading or writing the staging area failed; the message names the batch and the file. */
public class StagingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StagingException(String message) {
        super(message);
    }

    public StagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
