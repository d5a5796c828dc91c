package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.orchestrator.models.LocalModels;
import io.twinsync.orchestrator.models.ModelCheck;
import io.twinsync.writer.models.ModelComparison;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code twinsync models diff}: local models against the target's. */
@Component
@Scope("prototype")
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Compares local models with the target's: which the target lacks (an upload would add them), which it"
                    + " holds with other content (it cannot take them: models are immutable), which are the same,"
                    + " which only the target holds, and what the local models need that neither has. Models are"
                    + " compared by what they say, not how they are written. Writes nothing.",
            "Exit codes: 0 the target holds every local model as it is; 3 there are models to upload, models that"
                    + " differ or models missing; 1 could not run."
        })
public class ModelsDiffCommand implements Callable<Integer> {

    /** Lists longer than this are cut, unless --all. */
    static final int SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    LocalModelsOption local = new LocalModelsOption();

    @Option(names = "--all", description = "List every model, not the first " + SHOWN + " of each kind.")
    boolean all;

    private final TwinsyncProperties properties;
    private final TwinGraphTarget target;

    public ModelsDiffCommand(TwinsyncProperties properties, TwinGraphTarget target) {
        this.properties = properties;
        this.target = target;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LocalModels models = local.read(properties);
        ModelCheck check = ModelCheck.of(models, target.models().list(), Set.of());
        ModelComparison comparison = check.comparison();
        out.printf("Models: %s against %s%n", models.description(), target.description());
        list(out, "to upload", comparison.toUpload());
        out.printf("  differ (%,d)%n", comparison.differing().size());
        comparison.differing().forEach(d -> out.printf("    %s at %s%n", d.id(), d.describePaths()));
        out.printf("  same (%,d)%n", comparison.same().size());
        list(out, "only in the target", comparison.onlyInTarget());
        if (!check.isClean()) {
            out.printf("Problems (%,d):%n", check.problems().size());
            check.problems().forEach(problem -> out.println("  " + problem));
        }
        out.flush();
        boolean inSync = check.isClean() && comparison.toUpload().isEmpty();
        return inSync ? ExitCode.OK.code() : ExitCode.PARTIAL.code();
    }

    private void list(PrintWriter out, String what, List<String> ids) {
        out.printf("  %s (%,d)%n", what, ids.size());
        int shown = all ? ids.size() : Math.min(ids.size(), SHOWN);
        ids.subList(0, shown).forEach(id -> out.println("    " + id));
        if (shown < ids.size()) {
            out.printf("    and %,d more (--all lists them)%n", ids.size() - shown);
        }
    }
}
