package io.twinsync.orchestrator.job;

import io.twinsync.writer.WritePhase;
import io.twinsync.writer.WriteProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs a write step's partitions as threads of this process, all at once, sharing one rate budget
 * ({@link SharedWrites}). Spring Batch's splitter decides which partitions run: all of them in a new batch, only
 * those that did not complete in a resumed one.
 */
class WriteFanOut implements PartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(WriteFanOut.class);

    private final Step partitionStep;
    private final SharedWrites shared;
    private final Progress progress;

    /** What the step's progress lines count and how often; {@link #NONE} for none. */
    record Progress(WritePhase phase, Duration every, Function<StepExecution, Long> total, ProgressDisplay display) {

        static final Progress NONE = new Progress(WritePhase.TWINS, Duration.ZERO, step -> null, null);
    }

    WriteFanOut(Step partitionStep, SharedWrites shared) {
        this(partitionStep, shared, Progress.NONE);
    }

    WriteFanOut(Step partitionStep, SharedWrites shared, Progress progress) {
        this.partitionStep = partitionStep;
        this.shared = shared;
        this.progress = progress;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        JobParameters parameters = manager.getJobParameters();
        if ("true".equals(parameters.getString(SyncJobConfiguration.NO_WRITE))) {
            return List.of();
        }
        int count = Integer.parseInt(parameters.getString(SyncJobConfiguration.PARTITIONS, "1"));
        Set<StepExecution> partitions = splitter.split(manager, count);
        if (partitions.size() < count) {
            log.info(
                    "Writing {} of {} partitions; the others completed in an earlier attempt",
                    partitions.size(),
                    count);
        }
        long jobExecutionId = manager.getJobExecutionId();
        WriteProgress counted = shared.open(jobExecutionId);
        // The total is the whole phase's only when every partition runs now; a resumed step writes some of them.
        Long total = partitions.size() == count ? progress.total().apply(manager) : null;
        try (AutoCloseable lines = progress.display() == null
                ? WriteProgressLines.start(progress.phase(), total, counted, progress.every())
                : progress.display().write(progress.phase(), total, counted, progress.every())) {
            List<Thread> threads = new ArrayList<>();
            for (StepExecution partition : partitions) {
                Thread thread = new Thread(() -> execute(partition), "twinsync-" + partition.getStepName());
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
        } finally {
            shared.close(jobExecutionId);
        }
        return partitions;
    }

    private void execute(StepExecution partition) {
        try {
            partitionStep.execute(partition);
        } catch (Throwable e) { // a step records its own failures; this is one it could not record
            partition.setStatus(BatchStatus.FAILED);
            partition.addFailureException(e);
        }
    }
}
