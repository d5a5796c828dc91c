package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.orchestrator.job.RunPreflight;
import io.twinsync.orchestrator.job.SyncJobConfiguration;
import io.twinsync.orchestrator.source.SourceDatabase;
import io.twinsync.orchestrator.state.DriftSchedule;
import io.twinsync.orchestrator.state.TargetDrift;
import io.twinsync.orchestrator.state.TargetState;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.StateLock;
import io.twinsync.staging.manifest.BatchManifest;
import io.twinsync.staging.manifest.BatchManifests;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.writer.drift.DriftReport;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code twinsync run}: one batch, from ERP rows to twins. */
@Component
@Scope("prototype")
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one batch: extracts the mapped entities from the ERP, transforms the rows into one file per twin,"
                    + " and writes the changes to Azure Digital Twins.",
            "Exit codes: 0 all done; 3 done, but rows were rejected, twins failed or the graph had drifted (see"
                    + " the batch folder); 4 another run holds the target, or another twinsync process the embedded"
                    + " emulator (the message names its host and pid; try again later); 1 the batch could not run."
        })
public class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--full-compare",
            description = "Make the graph exactly what the source says: read every row (ignoring watermarks) and the"
                    + " mapped twins and relationships from ADT (by query, a page per 1,000), create what is missing,"
                    + " patch what differs, and delete the twins of mapped models that no row produces (under the"
                    + " missingLimit guard) and the relationships of stale: remove names that no row gives. Use after"
                    + " the graph was changed by other means, or when 'twinsync drift' finds drift.")
    boolean fullCompare;

    @Option(
            names = "--verify",
            description = "Check the graph for drift first (as 'twinsync drift' does; also every"
                    + " twinsync.drift.every-runs runs). Drift makes the run end DRIFT (exit 3), or, with"
                    + " twinsync.drift.repair, a full compare that repairs it.")
    boolean verify;

    @Option(
            names = "--no-write",
            description = "Extract and transform only; write nothing to ADT. For a first load through"
                    + " 'twinsync import-file', or to inspect the twin files before they are written.")
    boolean noWrite;

    private final JobOperator jobs;
    private final Job syncJob;
    private final StagingStore staging;
    private final SourceDatabase source;
    private final TwinGraphTarget target;
    private final ObjectProvider<Mapping> mapping;
    private final TwinsyncProperties properties;
    private final RunPreflight preflight;

    public RunCommand(
            JobOperator jobs,
            Job syncJob,
            StagingStore staging,
            SourceDatabase source,
            TwinGraphTarget target,
            ObjectProvider<Mapping> mapping,
            TwinsyncProperties properties,
            RunPreflight preflight) {
        this.jobs = jobs;
        this.syncJob = syncJob;
        this.staging = staging;
        this.source = source;
        this.target = target;
        this.mapping = mapping;
        this.properties = properties;
        this.preflight = preflight;
    }

    /**
     * Checks first, so that a run that cannot succeed creates no batch; holds the target until the batch ends. The
     * batch's id is chosen before the checks, so that the target's lock names the batch of the run that holds it.
     */
    @Override
    @SuppressWarnings("try") // the hold is kept by the try block, not used in it
    public Integer call() throws Exception {
        BatchId id = BatchId.newId(Instant.now());
        try (StateLock targetHeld = preflight.check(!noWrite, id)) {
            return runBatch(id);
        }
    }

    private Integer runBatch(BatchId id) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Batch batch = staging.createBatch(id);
        BatchManifests.write(batch, BatchManifest.start(id.value(), Instant.now()));
        out.printf("twinsync run: batch %s%n", id);
        out.printf("  source     %s%n", source.description());
        out.printf("  target     %s%n", target.description());
        out.flush();
        boolean driftLeft = !noWrite && checkDrift(batch, out);

        JobExecution execution = jobs.start(
                syncJob,
                new JobParametersBuilder()
                        .addString(SyncJobConfiguration.BATCH_ID, id.value())
                        .addString(SyncJobConfiguration.FULL_COMPARE, Boolean.toString(fullCompare))
                        .addString(SyncJobConfiguration.NO_WRITE, Boolean.toString(noWrite))
                        .toJobParameters());

        BatchManifest manifest = BatchManifests.read(batch);
        RunReport report = new RunReport(manifest, batch.location(), noWrite, driftLeft);
        report.print(out);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            PrintWriter err = spec.commandLine().getErr();
            for (StepExecution step : execution.getStepExecutions()) {
                for (Throwable failure : step.getFailureExceptions()) {
                    err.printf(
                            "twinsync run failed in the %s step: %s%n",
                            step.getStepName(), CliExceptionHandler.describe(failure));
                }
            }
            err.printf("The batch so far is kept in %s ('twinsync batches' lists batches).%n", batch.location());
            return ExitCode.FAILED.code();
        }
        return report.complete() ? ExitCode.OK.code() : ExitCode.PARTIAL.code();
    }

    /**
     * Checks for drift when asked or due, and makes this run a full compare when drift is found and repair is on.
     *
     * @return true when drift was found and this run does not repair it
     */
    private boolean checkDrift(Batch batch, PrintWriter out) {
        TargetState state = TargetState.of(staging, target.stateKey());
        boolean due = new DriftSchedule(state, properties.drift().everyRuns()).countRun();
        if (!verify && !due) {
            return false;
        }
        DriftReport drift = TargetDrift.check(target, staging, mapping.getObject());
        TargetDrift.record(batch, drift);
        DriftLines.print(out, drift, batch.location() + "/" + TargetDrift.BATCH_FILE);
        if (drift.clean()) {
            return false;
        }
        if (fullCompare) {
            out.printf("             this run is a full compare: it repairs the drift%n");
            return false;
        }
        if (properties.drift().repair()) {
            fullCompare = true;
            out.printf("             twinsync.drift.repair is on: this run is a full compare, which repairs it%n");
            return false;
        }
        out.printf("             'twinsync run --full-compare' repairs it (or set twinsync.drift.repair: true)%n");
        return true;
    }
}
