package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.graph.TwinGraphTarget;
import io.twinsync.orchestrator.job.BatchExecutions;
import io.twinsync.orchestrator.job.ReplayFiles;
import io.twinsync.orchestrator.job.ReplayJobConfiguration;
import io.twinsync.orchestrator.job.RunPreflight;
import io.twinsync.orchestrator.job.SyncJobConfiguration;
import io.twinsync.orchestrator.report.BatchReports;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.StateLock;
import io.twinsync.staging.manifest.BatchManifest;
import io.twinsync.staging.manifest.BatchManifests;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code twinsync replay BATCH}: an earlier batch's twin files written again to the target as it is now. */
@Component
@Scope("prototype")
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Writes an earlier batch's twin files to the target again, as a new batch of its own (its manifest names"
                    + " the batch it replays; its results and report are its own). The batch may be archived. A twin"
                    + " that a newer batch wrote since is skipped, not rolled back. The source is not read, and no"
                    + " watermark or presence list moves.",
            "Exit codes: 0 all written (or skipped as newer); 3 some twins or relationships failed (see the batch's"
                    + " results/); 4 a run holds the target (try again later); 1 the replay could not run."
        })
public class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BATCH", description = "The batch to replay, as 'twinsync status' lists it.")
    String batch;

    @Option(
            names = "--failed-only",
            description = "Write only the twins that failed in BATCH, or one of whose relationships failed (their"
                    + " results/ lines), with their relationships.")
    boolean failedOnly;

    private final JobOperator jobs;
    private final Job replayJob;
    private final StagingStore staging;
    private final TwinGraphTarget target;
    private final TwinsyncProperties properties;
    private final RunPreflight preflight;
    private final BatchExecutions batchExecutions;

    public ReplayCommand(
            JobOperator jobs,
            @Qualifier("replayJob") Job replayJob,
            StagingStore staging,
            TwinGraphTarget target,
            TwinsyncProperties properties,
            RunPreflight preflight,
            BatchExecutions batchExecutions) {
        this.jobs = jobs;
        this.replayJob = replayJob;
        this.staging = staging;
        this.target = target;
        this.properties = properties;
        this.preflight = preflight;
        this.batchExecutions = batchExecutions;
    }

    /** Holds the target as {@code run} does, so that no run writes it meanwhile; creates no batch when nothing is to do. */
    @Override
    @SuppressWarnings("try") // the hold is kept by the try block, not used in it
    public Integer call() throws Exception {
        BatchId original;
        try {
            original = new BatchId(batch);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        BatchId id = BatchId.newId(Instant.now());
        try (StateLock targetHeld = preflight.holdTarget(id)) {
            batchExecutions.refuseWhileHandedOff(target.stateKey(), target.description());
            Batch replayed = staging.openBatch(original);
            BatchManifest manifest = BatchManifests.read(replayed);
            if (manifest.replayOf() != null) {
                throw new ReplayRefusedException("Batch " + original + " is itself a replay of " + manifest.replayOf()
                        + "; replay " + manifest.replayOf() + " instead ('twinsync replay " + manifest.replayOf()
                        + (failedOnly ? " --failed-only" : "") + "')");
            }
            List<String> files = ReplayFiles.select(replayed, failedOnly);
            if (files.isEmpty()) {
                out.printf(
                        "Nothing to replay: batch %s has %s; no batch was made.%n",
                        original, failedOnly ? "no failed twin or relationship in its results" : "no twin files");
                return ExitCode.OK.code();
            }
            Batch replay = staging.createBatch(id);
            BatchManifests.write(replay, BatchManifest.replay(id.value(), Instant.now(), original.value()));
            out.printf("twinsync replay: batch %s, a replay of %s%n", id, original);
            out.printf("  target     %s%n", target.description());
            out.printf(
                    "  replays    %,d twin files of %s (%s)%n",
                    files.size(),
                    replayed.location(),
                    failedOnly ? "the twins that failed there, or whose relationships did" : "all of them");
            out.flush();
            JobExecution execution = jobs.start(
                    replayJob,
                    new JobParametersBuilder()
                            .addString(SyncJobConfiguration.BATCH_ID, id.value())
                            .addString(SyncJobConfiguration.REPLAY_OF, original.value(), false)
                            .addString(ReplayJobConfiguration.FAILED_ONLY, Boolean.toString(failedOnly), false)
                            .addString(
                                    SyncJobConfiguration.PARTITIONS,
                                    Integer.toString(properties.writer().partitionCount()),
                                    false)
                            .addString(SyncJobConfiguration.TARGET, target.stateKey(), false)
                            .toJobParameters());
            return report(replay, execution);
        }
    }

    private Integer report(Batch replay, JobExecution execution) {
        PrintWriter out = spec.commandLine().getOut();
        RunReport report = new RunReport(BatchManifests.read(replay), replay.location(), false, false);
        report.print(out, BatchReports.htmlReport(staging.openBatch(replay.id())));
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            PrintWriter err = spec.commandLine().getErr();
            StepFailures.of(execution).forEach(line -> err.printf("twinsync replay failed in the %s%n", line));
            err.printf(
                    "The replay so far is kept in %s; 'twinsync replay %s%s' tries again as a new batch.%n",
                    replay.location(), batch, failedOnly ? " --failed-only" : "");
            return ExitCode.FAILED.code();
        }
        return report.complete() ? ExitCode.OK.code() : ExitCode.PARTIAL.code();
    }

    /** A batch that cannot be replayed; the message says what to replay instead. */
    static final class ReplayRefusedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ReplayRefusedException(String message) {
            super(message);
        }
    }
}
