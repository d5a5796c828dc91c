package io.twinsync.orchestrator.cli;

import io.twinsync.extract.copied.CopiedRowsFolder;
import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.orchestrator.job.BatchExecutions;
import io.twinsync.orchestrator.job.DataFactoryHandOff;
import io.twinsync.orchestrator.job.RunPreflight;
import io.twinsync.orchestrator.job.SyncJobConfiguration;
import io.twinsync.orchestrator.report.BatchReports;
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
import io.twinsync.writer.dryrun.WritePlan;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * One batch as {@code twinsync run} runs it: the preflight (which takes the target's run lock), the batch, the
 * {@code sync} job and the run report. {@code run} calls it once, {@code schedule} once per tick, so that a scheduled
 * batch is exactly a run.
 */
@Component
public class BatchRun {

    private static final Logger log = LoggerFactory.getLogger(BatchRun.class);

    private final JobOperator jobs;
    private final Job syncJob;
    private final StagingStore staging;
    private final SourceDatabase source;
    private final TwinGraphTarget target;
    private final ObjectProvider<Mapping> mapping;
    private final TwinsyncProperties properties;
    private final RunPreflight preflight;
    private final BatchExecutions batchExecutions;
    private final DryRun dryRun;

    /** The batch this process runs now, for {@link #stop()}; null between batches. */
    private final AtomicReference<Running> running = new AtomicReference<>();

    /**
     * What to run.
     *
     * @param fullCompare read every row and the mapped part of the graph, and repair every difference
     * @param verify check for drift first
     * @param noWrite stop after the transform
     * @param dryRun stop after the transform, then plan the write ({@link DryRun}) instead of writing
     * @param resume the batch to resume, {@link #LATEST} for the target's latest, or null for a new batch
     * @param partitions the write step's partitions, or null for {@code twinsync.writer.partitions}
     * @param rowsFrom the staging folder of rows a Data Factory Copy activity copied, staged instead of reading the
     *     source ({@code incoming/{runId}}); null to read the source by JDBC
     */
    public record Options(
            boolean fullCompare,
            boolean verify,
            boolean noWrite,
            boolean dryRun,
            String resume,
            Integer partitions,
            CopiedRowsFolder rowsFrom) {

        /** {@link #resume()}: the target's latest batch. */
        public static final String LATEST = "latest";

        /** A new batch with the settings' defaults, as a plain {@code twinsync run} starts it. */
        public static Options newBatch() {
            return new Options(false, false, false, false, null, null, null);
        }

        /** Whether the job skips the write: {@code --no-write}, or a dry run, which plans it instead. */
        boolean skipsWrite() {
            return noWrite || dryRun;
        }
    }

    /**
     * How a batch ended.
     *
     * @param batchId the batch, or null when there was none to resume
     * @param result the run report's result ({@code OK}, {@code PARTIAL}, {@code FAILED}, {@code DRIFT}),
     *     {@code STOPPED} for a batch {@link #stop()} stopped, or {@value #HANDED_OFF}; null when no batch ran
     * @param exitCode the exit code {@code run} gives for it
     * @param plan a dry run's plan; null otherwise
     */
    public record Outcome(String batchId, String result, ExitCode exitCode, WritePlan plan) {

        public Outcome(String batchId, String result, ExitCode exitCode) {
            this(batchId, result, exitCode, null);
        }
    }

    public BatchRun(
            JobOperator jobs,
            Job syncJob,
            StagingStore staging,
            SourceDatabase source,
            TwinGraphTarget target,
            ObjectProvider<Mapping> mapping,
            TwinsyncProperties properties,
            RunPreflight preflight,
            BatchExecutions batchExecutions,
            DryRun dryRun) {
        this.jobs = jobs;
        this.syncJob = syncJob;
        this.staging = staging;
        this.source = source;
        this.target = target;
        this.mapping = mapping;
        this.properties = properties;
        this.preflight = preflight;
        this.batchExecutions = batchExecutions;
        this.dryRun = dryRun;
    }

    /**
     * Runs one batch, printing its report to {@code out} and what went wrong to {@code err}. Checks first, so that a
     * run that cannot succeed creates no batch; holds the target until the batch ends. The batch's id is chosen
     * before the checks, so that the target's lock names the batch of the run that holds it.
     *
     * @throws io.twinsync.orchestrator.job.TargetLockedException when another run holds the target
     * @throws io.twinsync.orchestrator.job.PreflightException saying what to fix
     */
    @SuppressWarnings("try") // the hold is kept by the try block, not used in it
    public Outcome run(Options options, PrintWriter out, PrintWriter err) throws Exception {
        // The lock names the batch: a new one, the one named to resume, or none yet (the target's latest, found
        // only once the lock is held).
        BatchId id = options.resume() == null
                ? BatchId.newId(Instant.now())
                : Options.LATEST.equals(options.resume()) ? null : new BatchId(options.resume());
        try (StateLock targetHeld = options.resume() != null && resumesCopiedRows(id)
                ? preflight.checkResumeOfCopiedRows(id)
                : preflight.check(!options.skipsWrite(), id, options.rowsFrom())) {
            return options.resume() != null ? resumeBatch(options.resume(), out, err) : runBatch(id, options, out, err);
        } finally {
            running.set(null);
        }
    }

    /**
     * Asks the batch this process runs to stop: Spring Batch ends its job {@code STOPPED} once the running step (in
     * the write step: every running partition) has finished, and {@code run --resume} continues it. A step that
     * has not started does not start.
     *
     * @return true when the batch's job was asked to stop; false when no job runs now (none yet: ask again)
     */
    public boolean stop() {
        Running current = running.get();
        if (current == null) {
            return false;
        }
        Optional<JobExecution> execution = batchExecutions.lastExecution(current.batch());
        BatchStatus status = execution.map(JobExecution::getStatus).orElse(BatchStatus.UNKNOWN);
        if (status == BatchStatus.STOPPING) {
            current.stopped = true; // asked already
            return true;
        }
        if (status != BatchStatus.STARTING && status != BatchStatus.STARTED) {
            return false;
        }
        try {
            jobs.stop(execution.get());
            current.stopped = true;
            return true;
        } catch (JobExecutionNotRunningException | OptimisticLockingFailureException e) {
            // It ended, or moved on meanwhile: the caller asks again while the batch runs.
            log.debug("Batch {}: could not stop its job execution yet", current.batch(), e);
            return false;
        }
    }

    private Outcome runBatch(BatchId id, Options options, PrintWriter out, PrintWriter err) throws Exception {
        // Its tasks may still be writing the target, outside this process's lock; and a new batch, even one that
        // writes nothing, would become the target's latest and leave the handed-off one impossible to resume.
        batchExecutions.refuseWhileHandedOff(target.stateKey(), target.description());
        Running current = start(id);
        Batch batch = staging.createBatch(id);
        BatchManifests.write(batch, BatchManifest.start(id.value(), Instant.now()));
        out.printf("twinsync run: batch %s%n", id);
        out.printf("  source     %s%n", sourceDescription(options.rowsFrom()));
        out.printf("  target     %s%n", target.description());
        out.flush();
        DriftCheck drift = options.skipsWrite() ? DriftCheck.NONE_LEFT : checkDrift(batch, options, out);
        boolean fullCompare = options.fullCompare() || drift == DriftCheck.REPAIR;

        int partitionCount = options.partitions() != null
                ? options.partitions()
                : properties.writer().partitionCount();
        // The batch id identifies the job instance; the rest are the batch's settings, which a resume keeps.
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(SyncJobConfiguration.BATCH_ID, id.value())
                .addString(SyncJobConfiguration.FULL_COMPARE, Boolean.toString(fullCompare), false)
                .addString(SyncJobConfiguration.NO_WRITE, Boolean.toString(options.skipsWrite()), false)
                .addString(SyncJobConfiguration.DRY_RUN, Boolean.toString(options.dryRun()), false)
                .addString(SyncJobConfiguration.PARTITIONS, Integer.toString(partitionCount), false)
                .addString(SyncJobConfiguration.TARGET, target.stateKey(), false);
        if (options.rowsFrom() != null) {
            parameters.addString(
                    SyncJobConfiguration.ROWS_FROM, options.rowsFrom().toString(), false);
        }
        JobExecution execution = jobs.start(syncJob, parameters.toJobParameters());
        if (options.dryRun() && execution.getStatus() == BatchStatus.COMPLETED) {
            return dryRun.plan(batch, fullCompare, out);
        }
        return report(batch, execution, options.skipsWrite(), drift == DriftCheck.LEFT, current, out, err);
    }

    /** Resumes the target's latest batch (or the one named, if it is that one) where it stopped. */
    private Outcome resumeBatch(String resume, PrintWriter out, PrintWriter err) throws Exception {
        BatchExecutions.Resumable found = batchExecutions.resumable(
                Options.LATEST.equals(resume) ? null : new BatchId(resume), target.stateKey(), target.description());
        if (found.nothingToDo()) {
            out.println(found.why());
            return new Outcome(found.batchId(), null, ExitCode.OK);
        }
        Running current = start(new BatchId(found.batchId()));
        Batch batch = staging.openBatch(new BatchId(found.batchId()));
        JobParameters parameters = found.execution().getJobParameters();
        boolean noWrite = "true".equals(parameters.getString(SyncJobConfiguration.NO_WRITE));
        String rowsFrom = parameters.getString(SyncJobConfiguration.ROWS_FROM);
        out.printf("twinsync run --resume: batch %s%n", found.batchId());
        out.printf("  source     %s%n", sourceDescription(rowsFrom == null ? null : CopiedRowsFolder.parse(rowsFrom)));
        out.printf("  target     %s%n", target.description());
        out.printf("  resumes    %s%n", found.why());
        out.flush();
        JobExecution execution = jobs.restart(found.execution());
        return report(batch, execution, noWrite, false, current, out, err);
    }

    /**
     * Whether the batch to resume (null: the target's latest) was staged from copied rows, so that its resume checks
     * no source: a Data Factory pipeline's {@code run --resume} runs where the ERP is out of reach. Read before the
     * target's lock is taken; a target that cannot be asked yet is left to the preflight to report.
     */
    private boolean resumesCopiedRows(BatchId id) {
        Optional<JobExecution> last;
        try {
            last = id != null ? batchExecutions.lastExecution(id) : batchExecutions.latestExecution(target.stateKey());
        } catch (RuntimeException e) {
            log.debug("Cannot tell yet whether the batch to resume was staged from copied rows", e);
            return false;
        }
        return last.map(execution -> execution.getJobParameters().getString(SyncJobConfiguration.ROWS_FROM) != null)
                .orElse(false);
    }

    /** The source line: the ERP read by JDBC, or the folder of rows Data Factory copied. */
    private String sourceDescription(CopiedRowsFolder rowsFrom) {
        return rowsFrom == null
                ? source.description()
                : "rows copied by Data Factory, " + rowsFrom + " (in " + staging.location() + ")";
    }

    private Running start(BatchId id) {
        Running current = new Running(id);
        running.set(current);
        return current;
    }

    private Outcome report(
            Batch batch,
            JobExecution execution,
            boolean noWrite,
            boolean driftLeft,
            Running current,
            PrintWriter out,
            PrintWriter err) {
        BatchManifest manifest = BatchManifests.read(batch);
        RunReport report = new RunReport(manifest, batch.location(), noWrite, driftLeft);
        String id = batch.id().value();
        if (DataFactoryHandOff.handedOffIn(execution)) {
            report.printCounts(out);
            out.printf(
                    "  handed off %s partitions to Data Factory, listed in %s/%s%n",
                    execution.getJobParameters().getString(SyncJobConfiguration.PARTITIONS, "1"),
                    batch.location(),
                    DataFactoryHandOff.PARTITIONS_FILE);
            out.printf("  result     %s%n", HANDED_OFF);
            out.printf(
                    "Batch %s waits for Data Factory: its pipeline runs the twin-writer-task for every partition's"
                            + " twins, then for every partition's relationships; then 'twinsync run --resume %s'"
                            + " records the batch, commits its sync state and archives it.%n",
                    id, id);
            out.flush();
            return new Outcome(id, HANDED_OFF, ExitCode.OK);
        }
        // Opened again: the archive step may have moved the batch, and its report with it.
        report.print(out, BatchReports.htmlReport(staging.openBatch(batch.id())));
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            if (current.stopped) {
                // Spring Batch ends a stopped partition step FAILED: the stop request is what says it was a stop.
                err.printf(
                        "Batch %s stopped, as asked, %s; 'twinsync run --resume' continues it where it stopped (the"
                                + " stopped step again). The batch so far is kept in %s.%n",
                        id, StepFailures.stoppedIn(execution), batch.location());
                err.flush();
                return new Outcome(id, "STOPPED", ExitCode.FAILED);
            }
            StepFailures.of(execution).forEach(line -> err.printf("twinsync run failed in the %s%n", line));
            err.printf(
                    "The batch so far is kept in %s; 'twinsync run --resume' continues it where it stopped.%n",
                    batch.location());
            err.flush();
            return new Outcome(id, report.result().name(), ExitCode.FAILED);
        }
        return new Outcome(id, report.result().name(), report.complete() ? ExitCode.OK : ExitCode.PARTIAL);
    }

    /** {@link Outcome#result()} of a batch handed to Data Factory, which waits for its pipeline's tasks. */
    public static final String HANDED_OFF = "HANDED_OFF";

    /** What a run's drift check found that changes the run. */
    private enum DriftCheck {
        /** Not due, clean, or repaired by the full compare this run already is. */
        NONE_LEFT,
        /** Drift that {@code twinsync.drift.repair} makes this run a full compare for. */
        REPAIR,
        /** Drift left in the graph: the run ends {@code DRIFT}. */
        LEFT
    }

    /** Checks for drift when asked or due; drift makes the run a full compare when repair is on. */
    private DriftCheck checkDrift(Batch batch, Options options, PrintWriter out) {
        TargetState state = TargetState.of(staging, target.stateKey());
        boolean due = new DriftSchedule(state, properties.drift().everyRuns()).countRun();
        if (!options.verify() && !due) {
            return DriftCheck.NONE_LEFT;
        }
        DriftReport drift = TargetDrift.check(target, staging, mapping.getObject());
        TargetDrift.record(batch, drift);
        DriftLines.print(out, drift, batch.location() + "/" + TargetDrift.BATCH_FILE);
        if (drift.clean()) {
            return DriftCheck.NONE_LEFT;
        }
        if (options.fullCompare()) {
            out.printf("             this run is a full compare: it repairs the drift%n");
            return DriftCheck.NONE_LEFT;
        }
        if (properties.drift().repair()) {
            out.printf("             twinsync.drift.repair is on: this run is a full compare, which repairs it%n");
            return DriftCheck.REPAIR;
        }
        out.printf("             'twinsync run --full-compare' repairs it (or set twinsync.drift.repair: true)%n");
        return DriftCheck.LEFT;
    }

    /** The batch being run, and whether {@link #stop()} asked its job to stop. */
    private static final class Running {

        private final BatchId batch;
        private volatile boolean stopped;

        Running(BatchId batch) {
            this.batch = batch;
        }

        BatchId batch() {
            return batch;
        }
    }
}
