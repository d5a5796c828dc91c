package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.staging.Batch;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.manifest.BatchManifest;
import io.twinsync.staging.manifest.BatchManifests;
import io.twinsync.writer.TwinWriter;
import io.twinsync.writer.dryrun.WritePlan;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.stereotype.Component;

/**
 * The end of {@code run --dry-run}: once the batch is extracted and transformed, plans its write against the target
 * ({@link TwinWriter#plan}), keeps the plan in the batch ({@value #FILE}) and prints it, with an exit code that tells
 * a pipeline whether there is anything to write.
 */
@Component
public class DryRun {

    /** The plan's file in the batch folder. */
    public static final String FILE = "plan.json";

    /** {@link BatchRun.Outcome#result()} of a dry run that found something to write. */
    public static final String CHANGES = "CHANGES";

    /** {@link BatchRun.Outcome#result()} of a dry run that found nothing to write. */
    public static final String NO_CHANGES = "NO_CHANGES";

    private final StagingStore staging;
    private final TwinGraphTarget target;

    public DryRun(StagingStore staging, TwinGraphTarget target) {
        this.staging = staging;
        this.target = target;
    }

    /**
     * Plans the write of a batch whose job completed without writing, and reports it.
     *
     * @param fullCompare plan a full compare: against the mapped part of the graph, read by query
     */
    BatchRun.Outcome plan(Batch batch, boolean fullCompare, PrintWriter out) {
        WritePlan plan = new TwinWriter(
                        target.client(),
                        target.target().endpoint(),
                        staging,
                        target.stateKey(),
                        target.writerSettings().withFullCompare(fullCompare))
                .plan(batch);
        save(batch, plan);
        BatchManifest manifest = BatchManifests.read(batch);
        RunReport report = new RunReport(manifest, batch.location(), true, false, true);
        report.printCounts(out);
        PlanLines.print(out, plan, batch.location() + "/" + FILE);
        String result;
        ExitCode code;
        if (!report.complete() || !plan.problems().isEmpty()) {
            result = "PARTIAL";
            code = ExitCode.PARTIAL;
        } else if (plan.changes()) {
            result = CHANGES;
            code = ExitCode.CHANGES;
        } else {
            result = NO_CHANGES;
            code = ExitCode.OK;
        }
        out.printf("  result     %s (dry run: nothing was written)%n", result);
        out.flush();
        return new BatchRun.Outcome(batch.id().value(), result, code, plan);
    }

    private static void save(Batch batch, WritePlan plan) {
        try (StagedOutput file = batch.create(FILE)) {
            file.write(StagingJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(plan));
            file.commit();
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot write the plan to " + batch.location() + "/" + FILE + ": " + e.getMessage(), e);
        }
    }
}
