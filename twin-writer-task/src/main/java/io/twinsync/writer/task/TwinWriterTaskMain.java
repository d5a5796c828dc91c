package io.twinsync.writer.task;

import io.twinsync.writer.WriteReport;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The twin writer task's entry point:
 * {@code twin-writer-task --batch {staging}/batches/{id} --endpoint https://... [--partition i/n]}. Exit codes:
 * {@value WriteReport#EXIT_OK} all written, {@value WriteReport#EXIT_SOME_FAILED} some twins or relationships failed,
 * {@value WriteReport#EXIT_COULD_NOT_RUN} could not run. Errors print what happened and what to do, no stack trace.
 */
public final class TwinWriterTaskMain {

    private TwinWriterTaskMain() {}

    public static void main(String[] args) {
        ParentWatch.start(System.getenv(ParentWatch.VARIABLE), () -> {
            System.err.println("twin-writer-task: the twinsync process that started this task ended; stopping too"
                    + " ('twinsync run --resume' writes this partition again)");
            System.err.flush();
            // halt, not exit: a shutdown hook must not hold the task up, nor save state of a write cut short
            Runtime.getRuntime().halt(WriteReport.EXIT_COULD_NOT_RUN);
        });
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command with the given output, returning the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new TwinWriterTaskCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, parsed) -> {
            err.println("twin-writer-task: " + e.getMessage());
            err.println("Run twin-writer-task --help for the options.");
            err.flush();
            return WriteReport.EXIT_COULD_NOT_RUN;
        });
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            err.println("twin-writer-task could not run: " + (e.getMessage() != null ? e.getMessage() : e));
            err.println("Fix the cause above and run the same command again; repeating a run is safe.");
            err.flush();
            return WriteReport.EXIT_COULD_NOT_RUN;
        });
        return commandLine.execute(args);
    }
}
