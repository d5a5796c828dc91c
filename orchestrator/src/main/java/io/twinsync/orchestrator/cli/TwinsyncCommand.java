package io.twinsync.orchestrator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code twinsync} command. */
@Command(
        name = "twinsync",
        mixinStandardHelpOptions = true,
        versionProvider = TwinsyncVersion.class,
        description = "Keeps an Azure Digital Twins graph in sync with line-of-business (ERP) data.",
        footer = {
            "",
            "With no settings, twinsync syncs the embedded sample ERP into the embedded ADT emulator; state lives in"
                    + " TWINSYNC_HOME (the ./twinsync launcher uses .twinsync next to itself).",
            "Settings: twinsync.yaml in the working folder, or TWINSYNC_* environment variables (see README)."
        },
        subcommands = {
            RunCommand.class,
            CopyPlanCommand.class,
            ScheduleCommand.class,
            StatusCommand.class,
            ReportCommand.class,
            ValidateCommand.class,
            DriftCommand.class,
            ReplayCommand.class,
            ImportFileCommand.class,
            ModelsCommand.class,
            TwinCommand.class,
            QueryCommand.class,
            CountCommand.class,
            SampleErpCommand.class,
            EmulatorCommand.class
        })
public class TwinsyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a command there is nothing to do: show the usage and say so in the exit code. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("twinsync needs a command, such as 'twinsync run'.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }
}
