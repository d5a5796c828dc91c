package io.twinsync.writer.apply;

/** The batch's models could not be read or ADT refused them; no twin can be written. */
public class ModelUploadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelUploadException(String message) {
        super(message);
    }

    public ModelUploadException(String message, Throwable cause) {
        super(message, cause);
    }
}
