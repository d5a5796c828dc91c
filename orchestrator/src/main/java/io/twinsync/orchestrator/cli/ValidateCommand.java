package io.twinsync.orchestrator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.orchestrator.config.TwinsyncConfiguration;
import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.orchestrator.job.SourceSample;
import io.twinsync.orchestrator.models.LocalModels;
import io.twinsync.orchestrator.models.ModelCheck;
import io.twinsync.orchestrator.source.SourceDatabase;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingException;
import io.twinsync.transform.validate.ValidationReport;
import io.twinsync.writer.models.ModelComparison;
import io.twinsync.writer.models.TargetModel;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code twinsync validate}: checks the mapping against the models and a sample of source rows. */
@Component
@Scope("prototype")
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks the mapping against the DTDL models and a sample of source rows, and the models against the"
                    + " target, and prints every problem it finds: mapping and model errors, missing columns, each"
                    + " sampled row the transform would reject (key, column, value, reason), models the target holds"
                    + " with other content, models needed that neither the mapping nor the target has, and"
                    + " decommissioned models twins would be created of. Writes nothing to ADT or to staging.",
            "Exit codes: 0 no problems; 3 problems found (listed); 1 could not run (e.g. the source or the target is"
                    + " unreachable)."
        })
public class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--rows",
            defaultValue = "1000",
            description = "Rows to sample per entity (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(
            names = "--no-target",
            description = "Do not check the models against the target (for a machine that cannot reach it); a clean"
                    + " result then says nothing about the target.")
    boolean noTarget;

    @Mixin
    OutputFormat output;

    private final TwinsyncProperties properties;
    private final SourceDatabase source;
    private final TwinGraphTarget target;

    public ValidateCommand(TwinsyncProperties properties, SourceDatabase source, TwinGraphTarget target) {
        this.properties = properties;
        this.source = source;
        this.target = target;
    }

    @Override
    public Integer call() {
        boolean json = output.json();
        PrintWriter out = output.humanOutput();
        ObjectNode document = StagingJson.mapper().createObjectNode();
        Mapping mapping;
        try {
            mapping = TwinsyncConfiguration.loadMapping(properties);
        } catch (MappingException e) {
            ValidationReport report = ValidationReport.of(e);
            out.print(report.toText());
            out.flush();
            if (json) {
                document.put("valid", false);
                document.set("mapping", StagingJson.mapper().valueToTree(report));
                output.print(document);
            }
            return ExitCode.PARTIAL.code();
        }
        ValidationReport report = SourceSample.validate(mapping, source, rows);
        out.printf("Mapping %s, source %s%n", mapping.source(), source.description());
        out.print(report.toText());
        out.flush();
        ObjectNode models = StagingJson.mapper().createObjectNode();
        int checked = checkModels(mapping, out, models);
        if (checked == ExitCode.FAILED.code()) {
            return checked;
        }
        boolean valid = report.isValid() && checked == ExitCode.OK.code();
        if (json) {
            document.put("valid", valid);
            document.put("source", source.description());
            document.set("mapping", StagingJson.mapper().valueToTree(report));
            document.set("models", models);
            output.print(document);
        }
        return valid ? ExitCode.OK.code() : ExitCode.PARTIAL.code();
    }

    /** The mapping's models against the target's, as {@code run} would meet them; prints what it finds. */
    private int checkModels(Mapping mapping, PrintWriter out, ObjectNode json) {
        if (noTarget) {
            out.println("Models against the target: not checked (--no-target)");
            out.flush();
            json.put("checked", false);
            return ExitCode.OK.code();
        }
        ModelCheck check;
        try {
            List<TargetModel> held = target.models().list();
            Set<String> twinModels = new TreeSet<>();
            mapping.entities().forEach(entity -> twinModels.add(entity.twin().model()));
            check = ModelCheck.of(LocalModels.of(mapping), held, twinModels);
        } catch (RuntimeException e) {
            spec.commandLine()
                    .getErr()
                    .printf(
                            "twinsync validate could not check the models against %s: %s%nCheck the endpoint and the"
                                    + " sign-in, or run with --no-target to check everything else.%n",
                            target.description(), CliExceptionHandler.describe(e));
            return ExitCode.FAILED.code();
        }
        ModelComparison comparison = check.comparison();
        out.printf(
                "Models against %s: %,d to upload, %,d the same, %,d differing; %s%n",
                target.description(),
                comparison.toUpload().size(),
                comparison.same().size(),
                comparison.differing().size(),
                check.isClean() ? "no problems" : check.problems().size() + " problems:");
        check.problems().forEach(problem -> out.println("  " + problem));
        out.flush();
        json.put("checked", true);
        json.put("target", target.description());
        json.put("toUpload", comparison.toUpload().size());
        json.put("same", comparison.same().size());
        json.put("differing", comparison.differing().size());
        ArrayNode problems = json.putArray("problems");
        check.problems().forEach(problem -> problems.add(String.valueOf(problem)));
        return check.isClean() ? ExitCode.OK.code() : ExitCode.PARTIAL.code();
    }
}
