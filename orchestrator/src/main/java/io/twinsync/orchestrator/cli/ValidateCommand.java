package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.config.TwinsyncConfiguration;
import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.orchestrator.job.SourceSample;
import io.twinsync.orchestrator.models.LocalModels;
import io.twinsync.orchestrator.models.ModelCheck;
import io.twinsync.orchestrator.source.SourceDatabase;
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
        PrintWriter out = spec.commandLine().getOut();
        Mapping mapping;
        try {
            mapping = TwinsyncConfiguration.loadMapping(properties);
        } catch (MappingException e) {
            out.print(ValidationReport.of(e).toText());
            out.flush();
            return ExitCode.PARTIAL.code();
        }
        ValidationReport report = SourceSample.validate(mapping, source, rows);
        out.printf("Mapping %s, source %s%n", mapping.source(), source.description());
        out.print(report.toText());
        out.flush();
        int models = checkModels(mapping, out);
        if (models == ExitCode.FAILED.code()) {
            return models;
        }
        return report.isValid() && models == ExitCode.OK.code() ? ExitCode.OK.code() : ExitCode.PARTIAL.code();
    }

    /** The mapping's models against the target's, as {@code run} would meet them; prints what it finds. */
    private int checkModels(Mapping mapping, PrintWriter out) {
        if (noTarget) {
            out.println("Models against the target: not checked (--no-target)");
            out.flush();
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
        return check.isClean() ? ExitCode.OK.code() : ExitCode.PARTIAL.code();
    }
}
