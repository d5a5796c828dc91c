package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.config.TwinsyncConfiguration;
import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.models.LocalModels;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Parameters;

/** The local models a {@code models} command works with: the files given, or else the mapping's models. */
final class LocalModelsOption {

    @Parameters(
            paramLabel = "PATH",
            arity = "0..*",
            description = "Model files, folders (every .json under them) or globs such as 'ontology/**/*.json',"
                    + " relative to the working folder. Default: the mapping's models.")
    List<String> paths = List.of();

    LocalModels read(TwinsyncProperties properties) {
        return paths.isEmpty()
                ? LocalModels.of(TwinsyncConfiguration.loadMapping(properties))
                : LocalModels.of(Path.of("").toAbsolutePath(), paths);
    }
}
