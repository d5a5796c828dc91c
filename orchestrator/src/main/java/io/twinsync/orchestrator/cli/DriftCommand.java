package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.orchestrator.state.TargetDrift;
import io.twinsync.staging.StagingStore;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.writer.drift.DriftReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code twinsync drift}: whether the graph still holds what twinsync last wrote. */
@Component
@Scope("prototype")
@Command(
        name = "drift",
        mixinStandardHelpOptions = true,
        description = {
            "Checks whether the graph still holds what twinsync last wrote to it: one query of each twin's id and ETag"
                    + " per mapped model (a page per 1,000 twins), compared with twinsync's record, without reading"
                    + " any twin. Lists twins changed, removed or re-created by other means, and twins of the mapped"
                    + " models twinsync did not write. Writes nothing; 'twinsync run --full-compare' repairs what it"
                    + " finds.",
            "Checks twins, not relationships. Query results can lag writes by a few seconds: right after a run,"
                    + " twins it just wrote may show as changed.",
            "Exit codes: 0 no drift; 3 drift found; 1 the check could not run."
        })
public class DriftCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final TwinGraphTarget target;
    private final StagingStore staging;
    private final ObjectProvider<Mapping> mapping;

    public DriftCommand(TwinGraphTarget target, StagingStore staging, ObjectProvider<Mapping> mapping) {
        this.target = target;
        this.staging = staging;
        this.mapping = mapping;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("twinsync drift: %s%n", target.description());
        out.flush();
        DriftReport report = TargetDrift.check(target, staging, mapping.getObject());
        DriftLines.print(out, report, null);
        out.printf(
                "  result     %s%n",
                report.clean()
                        ? "OK"
                        : "DRIFT: run 'twinsync run --full-compare' to make the graph what the source says");
        out.flush();
        return report.clean() ? ExitCode.OK.code() : ExitCode.PARTIAL.code();
    }
}
