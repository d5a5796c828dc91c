package io.twinsync.orchestrator.cli;

import picocli.CommandLine.Command;

/** The top-level {@code twinsync} command. */
@Command(
        name = "twinsync",
        mixinStandardHelpOptions = true,
        versionProvider = TwinsyncVersion.class,
        description = "Keeps an Azure Digital Twins graph in sync with line-of-business (ERP) data.",
        footer = {
            "",
            "With no settings, twinsync syncs the embedded sample ERP into the embedded ADT emulator; state lives in"
                    + " TWINSYNC_HOME (default ./.twinsync).",
            "Settings: twinsync.yaml in the working folder, or TWINSYNC_* environment variables (see README)."
        },
        subcommands = {RunCommand.class, TwinCommand.class, SampleErpCommand.class, EmulatorCommand.class})
public class TwinsyncCommand {}
