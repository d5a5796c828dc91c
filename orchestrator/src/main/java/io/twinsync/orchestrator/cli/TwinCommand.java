package io.twinsync.orchestrator.cli;

import com.azure.core.exception.HttpResponseException;
import com.fasterxml.jackson.databind.JsonNode;
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
        description = "Prints a twin as Azure Digital Twins returns it (JSON), with its outgoing relationships"
                + " when --relationships is given.")
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
            String twin = target.client().getDigitalTwin(twinId, String.class);
            print(twin);
            if (relationships) {
                for (String relationship : target.client().listRelationships(twinId, String.class)) {
                    print(relationship);
                }
            }
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

    private void print(String json) throws Exception {
        JsonNode tree = StagingJson.mapper().readTree(json);
        spec.commandLine()
                .getOut()
                .println(StagingJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        spec.commandLine().getOut().flush();
    }
}
