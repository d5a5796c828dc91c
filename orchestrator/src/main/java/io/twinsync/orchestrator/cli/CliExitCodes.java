package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.graph.EmulatorInUseException;
import io.twinsync.orchestrator.job.TargetLockedException;
import picocli.CommandLine;

/**
 * The exit code of a command ended by an exception, by its type: {@link ExitCode#LOCKED} for a command refused because
 * another twinsync process holds the target or the embedded emulator's folder (a wrapper retries later rather than
 * alerting), {@link ExitCode#USAGE} for a wrong command line, and {@link ExitCode#FAILED} for everything else.
 */
final class CliExitCodes implements CommandLine.IExitCodeExceptionMapper {

    @Override
    public int getExitCode(Throwable e) {
        if (e instanceof TargetLockedException || e instanceof EmulatorInUseException) {
            return ExitCode.LOCKED.code();
        }
        if (e instanceof CommandLine.ParameterException) {
            return ExitCode.USAGE.code();
        }
        return ExitCode.FAILED.code();
    }
}
