package io.twinsync.orchestrator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.writer.models.TargetModel;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code twinsync models list}: the models the target holds. */
@Component
@Scope("prototype")
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists the models the target holds: id, display name, when uploaded, and whether decommissioned.")
public class ModelsListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array, with each model's definition, for scripts.")
    boolean json;

    private final TwinGraphTarget target;

    public ModelsListCommand(TwinGraphTarget target) {
        this.target = target;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<TargetModel> models = target.models().list().stream()
                .sorted(Comparator.comparing(TargetModel::id))
                .toList();
        if (json) {
            ArrayNode array = StagingJson.mapper().createArrayNode();
            for (TargetModel model : models) {
                ObjectNode entry = array.addObject();
                entry.put("id", model.id());
                entry.put("decommissioned", model.decommissioned());
                entry.put(
                        "uploaded",
                        model.uploaded() == null ? null : model.uploaded().toString());
                entry.set("model", model.definition());
            }
            out.println(StagingJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } else {
            out.printf("%,d models in %s%n", models.size(), target.description());
            for (TargetModel model : models) {
                out.printf(
                        "  %s  %s%s%s%n",
                        model.id(),
                        displayName(model),
                        model.uploaded() == null ? "" : "  uploaded " + model.uploaded(),
                        model.decommissioned() ? "  decommissioned" : "");
            }
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private static String displayName(TargetModel model) {
        var name = model.definition().path("displayName");
        if (name.isTextual()) {
            return name.asText();
        }
        if (name.isObject() && name.size() > 0) {
            return name.has("en")
                    ? name.get("en").asText()
                    : name.elements().next().asText();
        }
        return "";
    }
}
