package io.twinsync.orchestrator.cli;

import com.azure.core.exception.HttpResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.staging.json.StagingJson;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code twinsync twin <id>}: prints a twin as ADT returns it. */
@Component
@Scope("prototype")
@Command(
        name = "twin",
        mixinStandardHelpOptions = true,
        description = "Prints a twin as Azure Digital Twins returns it (JSON). With --relationships, one document"
                + " {\"twin\": {...}, \"relationships\": [...]} with its outgoing relationships.")
public class TwinCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<id>", description = "The twin id, e.g. asset-PMP-0001.")
    String twinId;

    @picocli.CommandLine.Option(names = "--relationships", description = "Also print its outgoing relationships.")
    boolean relationships;

    private final TwinGraphTarget target;

    public TwinCommand(TwinGraphTarget target) {
        this.target = target;
    }

    @Override
    public Integer call() throws Exception {
        try {
            JsonNode twin = StagingJson.mapper().readTree(target.client().getDigitalTwin(twinId, String.class));
            if (!relationships) {
                print(twin);
                return ExitCode.OK.code();
            }
            // One document, so that the output can be piped into a JSON tool as it is.
            ObjectNode document = StagingJson.mapper().createObjectNode();
            document.set("twin", twin);
            ArrayNode outgoing = document.putArray("relationships");
            for (String relationship : target.client().listRelationships(twinId, String.class)) {
                outgoing.add(StagingJson.mapper().readTree(relationship));
            }
            print(document);
            return ExitCode.OK.code();
        } catch (HttpResponseException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                spec.commandLine()
                        .getErr()
                        .printf(
                                "No twin '%s' in %s. Check the id (twin ids are case-sensitive), or run"
                                        + " 'twinsync run' first.%n",
                                twinId, target.description());
                return ExitCode.FAILED.code();
            }
            throw e;
        }
    }

    private void print(JsonNode tree) throws Exception {
        spec.commandLine()
                .getOut()
                .println(StagingJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        spec.commandLine().getOut().flush();
    }
}
