package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.orchestrator.models.LocalModels;
import io.twinsync.orchestrator.models.ModelCheck;
import io.twinsync.writer.apply.ModelUploader;
import io.twinsync.writer.models.TargetModel;
import io.twinsync.writer.models.TargetModels;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code twinsync models upload}: uploads what the target lacks of the local models. */
@Component
@Scope("prototype")
@Command(
        name = "upload",
        mixinStandardHelpOptions = true,
        description = {
            "Uploads the local models the target lacks, each after what it extends or uses as a component, at most"
                    + " 250 per request. Checks first and uploads nothing when a model is invalid, when the target"
                    + " holds one with other content, or when they need a model neither they nor the target hold.",
            "Exit codes: 0 the target now holds every local model; 1 the checks found problems (listed; nothing was"
                    + " uploaded) or the service refused a request (the requests before it stay uploaded; the message"
                    + " says how many models)."
        })
public class ModelsUploadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LocalModelsOption local = new LocalModelsOption();

    private final TwinsyncProperties properties;
    private final TwinGraphTarget target;

    public ModelsUploadCommand(TwinsyncProperties properties, TwinGraphTarget target) {
        this.properties = properties;
        this.target = target;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LocalModels models = local.read(properties);
        TargetModels targetModels = target.models();
        List<TargetModel> listed = targetModels.list();
        ModelCheck check = ModelCheck.of(models, listed, Set.of());
        if (!check.isClean()) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf(
                    "twinsync models upload: nothing was uploaded to %s; %,d problems with %s:%n",
                    target.description(), check.problems().size(), models.description());
            check.problems().forEach(problem -> err.println("  " + problem));
            err.flush();
            return ExitCode.FAILED.code();
        }
        ModelUploader.Uploaded uploaded = targetModels.upload(models.documents(), models.description(), listed);
        target.checkpoint();
        out.printf(
                "Models: %s to %s: %,d uploaded, %,d already there%s%n",
                models.description(),
                target.description(),
                uploaded.uploaded(),
                uploaded.alreadyThere(),
                uploaded.uploadedMeanwhile() > 0
                        ? String.format(", %,d uploaded meanwhile by another writer", uploaded.uploadedMeanwhile())
                        : "");
        out.flush();
        return ExitCode.OK.code();
    }
}
