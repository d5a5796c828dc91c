package io.twinsync.orchestrator.cli;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.Context;
import com.azure.digitaltwins.core.models.QueryOptions;
import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.writer.apply.AdtError;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code twinsync query "SELECT ..."}: runs an ADT query against the target and prints every item, page after page
 * (the SDK follows the continuation tokens), as JSON lines or a table.
 */
@Component
@Scope("prototype")
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a query in ADT's query language against the target and prints every result, one JSON document per"
                    + " line (or a table), following the service's continuation pages. Example: twinsync query"
                    + " \"SELECT * FROM DIGITALTWINS T WHERE IS_OF_MODEL(T, 'dtmi:com:example:Pump;1')\"",
            "Exit codes: 0 done; 1 the service refused the query (the message says why) or could not be reached."
        })
public class QueryCommand implements Callable<Integer> {

    /** Wider cells are cut, so that a row stays readable. */
    private static final int CELL_WIDTH = 48;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<query>", description = "The query, in quotes.")
    String query;

    @Option(
            names = "--output",
            paramLabel = "jsonl|table",
            defaultValue = "jsonl",
            description = "jsonl: one JSON document per result, a line each (default); table: one row per result, a"
                    + " column per field.")
    String output;

    @Option(
            names = "--max",
            paramLabel = "N",
            description = "Stop after N results (the query itself is not changed: ADT's TOP(N) does that).")
    Integer max;

    @Option(
            names = "--page-size",
            paramLabel = "N",
            description = "Ask the service for at most N results per page (1 to 1000; its max-items-per-page)."
                    + " Default: the service's own.")
    Integer pageSize;

    private final TwinGraphTarget target;

    public QueryCommand(TwinGraphTarget target) {
        this.target = target;
    }

    @Override
    public Integer call() throws Exception {
        String format = output.toLowerCase(Locale.ROOT);
        if (!format.equals("jsonl") && !format.equals("table")) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--output must be jsonl or table, was " + output);
        }
        if (pageSize != null && (pageSize < 1 || pageSize > 1000)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--page-size must be 1 to 1000");
        }
        if (max != null && max < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max must be 1 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<JsonNode> rows = new ArrayList<>();
        int pages = 0;
        long items = 0;
        QueryOptions options = new QueryOptions().setMaxItemsPerPage(pageSize);
        try {
            pages:
            for (PagedResponse<String> page : target.client()
                    .query(query, String.class, options, Context.NONE)
                    .iterableByPage()) {
                pages++;
                for (String item : page.getValue()) {
                    JsonNode json = StagingJson.mapper().readTree(item);
                    items++;
                    if (format.equals("jsonl")) {
                        out.println(StagingJson.mapper().writeValueAsString(json));
                    } else {
                        rows.add(json);
                    }
                    if (max != null && items >= max) {
                        break pages;
                    }
                }
                out.flush();
            }
        } catch (HttpResponseException e) {
            AdtError error = AdtError.of(e);
            err.printf(
                    "%s refused the query (%s %s): %s%nADT's query language:"
                            + " https://learn.microsoft.com/azure/digital-twins/concepts-query-language%n",
                    target.description(), error.status(), error.code(), error.message());
            err.flush();
            return ExitCode.FAILED.code();
        }
        if (format.equals("table")) {
            Table.of(rows, CELL_WIDTH).print(out);
        }
        out.flush();
        err.printf(
                Locale.ROOT,
                "%,d %s in %,d %s from %s%n",
                items,
                items == 1 ? "result" : "results",
                pages,
                pages == 1 ? "page" : "pages",
                target.description());
        err.flush();
        return ExitCode.OK.code();
    }
}
