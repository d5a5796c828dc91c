package io.twinsync.orchestrator.job;

/** {@code run --resume} was asked for a batch that cannot be resumed; the message says why and what to do. */
public class BatchNotResumableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BatchNotResumableException(String message) {
        super(message);
    }
}
