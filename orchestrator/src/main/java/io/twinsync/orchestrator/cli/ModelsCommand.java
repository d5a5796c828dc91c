package io.twinsync.orchestrator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code twinsync models}: the models of the target, against the mapping's or the files given. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the models the target holds, shows how local models differ from them, and uploads what it lacks.",
            "Local models are the mapping's (every file its 'models' lists), or the files, folders and globs given"
                    + " (such as ontology/ or 'ontology/**/*.json'), relative to the working folder."
        },
        subcommands = {ModelsListCommand.class, ModelsDiffCommand.class, ModelsUploadCommand.class})
public class ModelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("twinsync models needs a command: list, diff or upload.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }
}
