package io.twinsync.orchestrator.cli;

import com.azure.core.exception.HttpResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.writer.apply.AdtError;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code twinsync count}: the target's twins per model and its relationships, from two queries: the twins' models
 * (one projected query, read page by page: one query per model would cost hundreds with a public ontology) and
 * {@code SELECT COUNT() FROM RELATIONSHIPS}.
 */
@Component
@Scope("prototype")
@Command(
        name = "count",
        mixinStandardHelpOptions = true,
        description = {
            "Counts the target's twins per model, and its relationships. The same as the queries"
                    + " SELECT T.$metadata.$model FROM DIGITALTWINS T (counted here) and"
                    + " SELECT COUNT() FROM RELATIONSHIPS.",
            "Exit codes: 0 done; 1 the target could not be reached or refused the query."
        })
public class CountCommand implements Callable<Integer> {

    static final String MODELS_QUERY = "SELECT T.$metadata.$model FROM DIGITALTWINS T";
    static final String RELATIONSHIPS_QUERY = "SELECT COUNT() FROM RELATIONSHIPS";

    @Spec
    CommandSpec spec;

    @Mixin
    OutputFormat output;

    private final TwinGraphTarget target;

    public CountCommand(TwinGraphTarget target) {
        this.target = target;
    }

    @Override
    public Integer call() throws Exception {
        boolean asJson = output.json();
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Long> byModel = new TreeMap<>();
        long relationships;
        try {
            for (String item : target.client().query(MODELS_QUERY, String.class)) {
                JsonNode json = StagingJson.mapper().readTree(item);
                // {"$model": "dtmi:..."}: the last segment of the selected path names the field
                JsonNode model = json.has("$model")
                        ? json.get("$model")
                        : json.elements().next();
                byModel.merge(model.asText(), 1L, Long::sum);
            }
            relationships = 0;
            for (String item : target.client().query(RELATIONSHIPS_QUERY, String.class)) {
                relationships +=
                        StagingJson.mapper().readTree(item).path("COUNT").asLong();
            }
        } catch (HttpResponseException e) {
            AdtError error = AdtError.of(e);
            spec.commandLine()
                    .getErr()
                    .printf(
                            "%s refused the count (%s %s): %s%n",
                            target.description(), error.status(), error.code(), error.message());
            return ExitCode.FAILED.code();
        }
        long twins = byModel.values().stream().mapToLong(Long::longValue).sum();
        if (asJson) {
            ObjectNode document = StagingJson.mapper().createObjectNode();
            document.put("twins", twins);
            document.put("relationships", relationships);
            ObjectNode models = document.putObject("twinsByModel");
            byModel.forEach(models::put);
            output.print(document);
        } else {
            out.printf(Locale.ROOT, "%s: %,d twins, %,d relationships%n", target.description(), twins, relationships);
            if (!byModel.isEmpty()) {
                Table.of("model", "twins", byModel).print(out);
            }
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
