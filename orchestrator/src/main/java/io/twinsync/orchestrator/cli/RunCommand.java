package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.orchestrator.job.BatchExecutions;
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
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

    @Option(
            names = "--resume",
            arity = "0..1",
            paramLabel = "BATCH",
            fallbackValue = LATEST,
            description = "Resume a batch that failed or was killed, where it stopped: completed steps and write"
                    + " partitions are not redone and the ERP is not read again when the extract completed. Without"
                    + " BATCH, the target's latest batch, if it did not complete. Only the target's latest batch can be"
                    + " resumed: an older one would write older data over newer.")
    String resume;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            description = "Write in N partitions (1 to 64), each restartable on its own, sharing one rate budget."
                    + " Default: twinsync.writer.partitions, else one per processor core (at least 2).")
    Integer partitions;

    private static final String LATEST = "latest";

    private final JobOperator jobs;
    private final Job syncJob;
    private final StagingStore staging;
    private final SourceDatabase source;
    private final TwinGraphTarget target;
    private final ObjectProvider<Mapping> mapping;
    private final TwinsyncProperties properties;
    private final RunPreflight preflight;
    private final BatchExecutions batchExecutions;

    public RunCommand(
            JobOperator jobs,
            Job syncJob,
            StagingStore staging,
            SourceDatabase source,
            TwinGraphTarget target,
            ObjectProvider<Mapping> mapping,
            TwinsyncProperties properties,
            RunPreflight preflight,
            BatchExecutions batchExecutions) {
        this.jobs = jobs;
        this.syncJob = syncJob;
        this.staging = staging;
        this.source = source;
        this.target = target;
        this.mapping = mapping;
        this.properties = properties;
        this.preflight = preflight;
        this.batchExecutions = batchExecutions;
    }

    /**
     * Checks first, so that a run that cannot succeed creates no batch; holds the target until the batch ends. The
     * batch's id is chosen before the checks, so that the target's lock names the batch of the run that holds it.
     */
    @Override
    @SuppressWarnings("try") // the hold is kept by the try block, not used in it
    public Integer call() throws Exception {
        if (partitions != null && (partitions < 1 || partitions > 64)) {
            throw new ParameterException(spec.commandLine(), "--partitions must be 1 to 64, was " + partitions);
        }
        if (resume != null && (fullCompare || noWrite || partitions != null)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--resume continues a batch with the options it started with; drop --full-compare, --no-write"
                            + " and --partitions");
        }
        // The lock names the batch: a new one, the one named to resume, or none yet (the target's latest, found
        // only once the lock is held).
        BatchId id = resume == null ? BatchId.newId(Instant.now()) : LATEST.equals(resume) ? null : new BatchId(resume);
        try (StateLock targetHeld = preflight.check(!noWrite, id)) {
            return resume != null ? resumeBatch() : runBatch(id);
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

        int partitionCount =
                partitions != null ? partitions : properties.writer().partitionCount();
        // The batch id identifies the job instance; the rest are the batch's settings, which a resume keeps.
        JobExecution execution = jobs.start(
                syncJob,
                new JobParametersBuilder()
                        .addString(SyncJobConfiguration.BATCH_ID, id.value())
                        .addString(SyncJobConfiguration.FULL_COMPARE, Boolean.toString(fullCompare), false)
                        .addString(SyncJobConfiguration.NO_WRITE, Boolean.toString(noWrite), false)
                        .addString(SyncJobConfiguration.PARTITIONS, Integer.toString(partitionCount), false)
                        .addString(SyncJobConfiguration.TARGET, target.stateKey(), false)
                        .toJobParameters());
        return report(batch, execution, driftLeft);
    }

    /** Resumes the target's latest batch (or the one named, if it is that one) where it stopped. */
    private Integer resumeBatch() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BatchExecutions.Resumable found = batchExecutions.resumable(
                LATEST.equals(resume) ? null : new BatchId(resume), target.stateKey(), target.description());
        if (found.nothingToDo()) {
            out.println(found.why());
            return ExitCode.OK.code();
        }
        JobExecution last = found.execution();
        Batch batch = staging.openBatch(new BatchId(found.batchId()));
        JobParameters parameters = last.getJobParameters();
        noWrite = "true".equals(parameters.getString(SyncJobConfiguration.NO_WRITE));
        out.printf("twinsync run --resume: batch %s%n", found.batchId());
        out.printf("  source     %s%n", source.description());
        out.printf("  target     %s%n", target.description());
        out.printf("  resumes    %s%n", found.why());
        out.flush();
        JobExecution execution = jobs.restart(found.execution());
        return report(batch, execution, false);
    }

    private Integer report(Batch batch, JobExecution execution, boolean driftLeft) {
        PrintWriter out = spec.commandLine().getOut();
        BatchManifest manifest = BatchManifests.read(batch);
        RunReport report = new RunReport(manifest, batch.location(), noWrite, driftLeft);
        report.print(out);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            PrintWriter err = spec.commandLine().getErr();
            StepFailures.of(execution).forEach(line -> err.printf("twinsync run failed in the %s%n", line));
            err.printf(
                    "The batch so far is kept in %s; 'twinsync run --resume' continues it where it stopped.%n",
                    batch.location());
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
