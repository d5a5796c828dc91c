package io.twinsync.writer;

import java.time.Duration;

/**
 * The write (or a command) stopped because ADT refused the credential twinsync signs in with (401, or 403: the
 * identity has no data-plane role on the instance), or the credential gave no token at all. Every request would be refused alike, so the first refusal stops
 * everything, as an unreachable target does, with one message saying which role to assign; nothing is recorded for
 * the twins not written.
 */
public class TargetRefusedException extends TargetUnreachableException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param message what happened and what to do
     * @param status the refusal's HTTP status, 401 or 403; 0 when no token was had, so nothing was sent
     * @param refusal the refused request's failure
     */
    public TargetRefusedException(String message, int status, Throwable refusal) {
        super(message, Duration.ZERO, refusal);
        this.status = status;
    }

    @Override
    public TargetRefusedException again() {
        return new TargetRefusedException(getMessage(), status, lastFailure());
    }

    /** 401 or 403; 0 when the credential gave no token. */
    public int status() {
        return status;
    }
}
