package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.job.TargetLockedException;
import picocli.CommandLine;

/**
 * The exit code of a command ended by an exception, by its type: {@link ExitCode#LOCKED} for a run refused because
 * another holds the target (a wrapper retries later rather than alerting), {@link ExitCode#USAGE} for a wrong command
 * line, and {@link ExitCode#FAILED} for everything else.
 */
final class CliExitCodes implements CommandLine.IExitCodeExceptionMapper {

    @Override
    public int getExitCode(Throwable e) {
        if (e instanceof TargetLockedException) {
            return ExitCode.LOCKED.code();
        }
        if (e instanceof CommandLine.ParameterException) {
            return ExitCode.USAGE.code();
        }
        return ExitCode.FAILED.code();
    }
}
