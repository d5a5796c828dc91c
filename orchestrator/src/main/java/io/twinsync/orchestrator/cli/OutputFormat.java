package io.twinsync.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.staging.json.StagingJson;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --output text|json} option of the commands whose result a pipeline reads ({@code run}, {@code status},
 * {@code validate}, {@code count}): with {@code json}, standard output carries one JSON document and nothing else;
 * what a person reads (the report, messages) goes to standard error.
 */
public class OutputFormat {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--output",
            paramLabel = "text|json",
            defaultValue = "text",
            description = "text (default), or json: one JSON document on standard output for pipelines; the report"
                    + " and messages go to standard error.")
    String format;

    /** Whether JSON was asked for. */
    boolean json() {
        String value = format.toLowerCase(Locale.ROOT);
        if (!value.equals("text") && !value.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--output must be text or json, was " + format);
        }
        return value.equals("json");
    }

    /** The command's {@code --output} option, if it has one. */
    static Optional<OutputFormat> of(CommandLine command) {
        return command.getCommandSpec().mixins().values().stream()
                .map(CommandSpec::userObject)
                .filter(OutputFormat.class::isInstance)
                .map(OutputFormat.class::cast)
                .findFirst();
    }

    /** Whether JSON was asked for, without refusing a wrong value (for a command that failed anyway). */
    boolean jsonAsked() {
        return "json".equalsIgnoreCase(format);
    }

    /** Where what a person reads goes: standard output, or standard error when standard output is JSON. */
    PrintWriter humanOutput() {
        return json() ? spec.commandLine().getErr() : spec.commandLine().getOut();
    }

    /** Prints the document, indented, on standard output. */
    void print(JsonNode document) {
        try {
            PrintWriter out = spec.commandLine().getOut();
            out.println(StagingJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document));
            out.flush();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the JSON output: " + e.getOriginalMessage(), e);
        }
    }
}
