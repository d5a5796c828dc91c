package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.job.BatchExecutions;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.manifest.BatchManifest;
import io.twinsync.staging.manifest.BatchManifests;
import io.twinsync.staging.manifest.OutcomeCounts;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code twinsync batches}: lists the batches in staging with what each did. */
@Component
@Scope("prototype")
@Command(
        name = "batches",
        mixinStandardHelpOptions = true,
        description = "Lists the batches in the staging folder, newest last, with their counts and how each batch's"
                + " job stands (completed, failed and resumable with 'run --resume', ...).")
public class BatchesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--last",
            defaultValue = "20",
            description = "How many of the newest to list (default: ${DEFAULT-VALUE}).")
    int last;

    private final StagingStore staging;
    private final BatchExecutions executions;

    public BatchesCommand(StagingStore staging, BatchExecutions executions) {
        this.staging = staging;
        this.executions = executions;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<BatchId> ids = staging.listBatches();
        if (ids.isEmpty()) {
            out.printf("No batches in %s yet; 'twinsync run' makes one.%n", staging.location());
            return ExitCode.OK.code();
        }
        out.printf("Batches in %s:%n", staging.location());
        for (BatchId id : ids.subList(Math.max(0, ids.size() - last), ids.size())) {
            out.println("  " + describe(id));
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private static String counts(String what, OutcomeCounts counts) {
        return String.format(
                Locale.ROOT,
                ", %s %,d created %,d patched %,d unchanged %,d deleted %,d failed",
                what,
                counts.created(),
                counts.patched(),
                counts.unchanged(),
                counts.deleted(),
                counts.failed());
    }

    private String describe(BatchId id) {
        try {
            BatchManifest manifest = BatchManifests.read(staging.openBatch(id));
            StringBuilder line = new StringBuilder(id.value());
            if (manifest.extract() != null) {
                line.append(String.format(
                        Locale.ROOT, "  %,d rows", manifest.extract().totalRows()));
            }
            if (manifest.transform() != null) {
                line.append(String.format(
                        Locale.ROOT, ", %,d rejected", manifest.transform().rowsRejected()));
            }
            if (manifest.write() != null) {
                line.append(counts("twins", manifest.write().twins()));
                line.append(counts("relationships", manifest.write().relationships()));
            } else {
                line.append(", not written");
            }
            line.append("  [")
                    .append(executions
                            .lastExecution(id)
                            .map(BatchExecutions::stateOf)
                            .orElse("not in the job repository"))
                    .append(']');
            return line.toString();
        } catch (StagingException e) {
            return id.value() + "  (no readable manifest: " + e.getMessage() + ")";
        }
    }
}
