package io.twinsync.orchestrator.job;

/**
 * {@code twinsync run} cannot start because another run holds the target; the message names that run's process (host,
 * pid, batch, since when) when its lock says. A distinct type, so that the command line gives it its own exit code:
 * a cron wrapper can tell "try again later" from "fix something".
 */
public class TargetLockedException extends PreflightException {

    private static final long serialVersionUID = 1L;

    TargetLockedException(String message, Throwable found) {
        super(message, found);
    }
}
