package io.twinsync.orchestrator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.json.StagingJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns an exception that escaped a command into one readable message on standard error and the exit code for its
 * type ({@link CliExitCodes}: 1 for most). The stack trace goes to the debug log only: users need what happened and
 * what to do, not a trace.
 */
final class CliExceptionHandler implements CommandLine.IExecutionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CliExceptionHandler.class);

    private final CommandLine.IExitCodeExceptionMapper exitCodes;

    CliExceptionHandler(CommandLine.IExitCodeExceptionMapper exitCodes) {
        this.exitCodes = exitCodes;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        log.debug("Command {} failed", command.getCommandName(), e);
        String message = describe(e);
        command.getErr().println(command.getCommandSpec().qualifiedName() + " failed: " + message);
        int exitCode = exitCodes.getExitCode(e);
        // A pipeline that asked for JSON gets a document even now: what stopped the command, and its exit code.
        OutputFormat.of(command).filter(OutputFormat::jsonAsked).ifPresent(output -> {
            ObjectNode document = StagingJson.mapper().createObjectNode();
            document.put("exitCode", exitCode);
            document.put("error", message);
            output.print(document);
        });
        return exitCode;
    }

    static String describe(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        while (cause != null && cause != cause.getCause()) {
            String text = cause.getMessage();
            if (text != null && !message.toString().contains(text)) {
                message.append("\n  caused by: ").append(text);
            }
            cause = cause.getCause();
        }
        return message.toString();
    }
}
