package io.twinsync.orchestrator.job;

import io.twinsync.staging.BatchId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * The batches as Spring Batch's job repository records them: one job instance per batch (the batch id is its
 * identifying parameter), one job execution per attempt. Finds what {@code run --resume} may resume.
 */
@Component
public class BatchExecutions {

    private static final Logger log = LoggerFactory.getLogger(BatchExecutions.class);

    /** How many of the latest batches are searched for a target's latest. */
    private static final int SEARCHED = 500;

    private final JobRepository repository;
    private final JobOperator operator;

    public BatchExecutions(JobRepository repository, JobOperator operator) {
        this.repository = repository;
        this.operator = operator;
    }

    /**
     * What a resume would continue.
     *
     * @param batchId the batch
     * @param execution its last execution, to restart; null when there is nothing to do
     * @param why for the user: what is resumed from where, or why there is nothing to do
     */
    public record Resumable(String batchId, JobExecution execution, String why) {

        public boolean nothingToDo() {
            return execution == null;
        }
    }

    /**
     * The batch to resume for a target. Call it holding the target's run lock: an execution of the target still
     * marked running then belongs to a process that died (killed, or its machine lost), and is recovered (marked
     * failed) so that it can be restarted, as Spring Batch's {@link JobOperator#recover} is meant for.
     *
     * @param named the batch the user named, or null for the target's latest
     * @throws BatchNotResumableException when the named batch cannot be resumed
     */
    public Resumable resumable(BatchId named, String targetKey, String targetName) {
        Optional<JobExecution> latest = latestOf(targetKey);
        if (named == null) {
            if (latest.isEmpty()) {
                return new Resumable(null, null, "No batch has run against " + targetName + " yet: nothing to resume.");
            }
            JobExecution last = latest.get();
            String id = batchIdOf(last);
            if (last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED) {
                return new Resumable(
                        id,
                        null,
                        "The latest batch against " + targetName + ", " + id + ", "
                                + (last.getStatus() == BatchStatus.COMPLETED ? "completed" : "was abandoned")
                                + ": nothing to resume. 'twinsync run' starts a new batch.");
            }
            return resume(last);
        }
        JobInstance instance = repository.getJobInstance(
                SyncJobConfiguration.JOB_NAME,
                new JobParametersBuilder()
                        .addString(SyncJobConfiguration.BATCH_ID, named.value())
                        .toJobParameters());
        if (instance == null) {
            throw new BatchNotResumableException("Batch " + named + " is not in the job repository: it was run with"
                    + " another twinsync home or job repository, or by a twinsync version that kept no job"
                    + " executions. 'twinsync batches' lists the batches; 'twinsync run' starts a new one.");
        }
        JobExecution last = repository.getLastJobExecution(instance);
        String target = last.getJobParameters().getString(SyncJobConfiguration.TARGET);
        if (!targetKey.equals(target)) {
            throw new BatchNotResumableException("Batch " + named + " was written to another target (" + target
                    + "), not " + targetName + "; resume it with the settings it ran with.");
        }
        if (last.getStatus() == BatchStatus.COMPLETED) {
            throw new BatchNotResumableException("Batch " + named + " completed (" + last.getEndTime()
                    + "); a completed batch is not run again. 'twinsync run' starts a new batch.");
        }
        if (last.getStatus() == BatchStatus.ABANDONED) {
            throw new BatchNotResumableException(
                    "Batch " + named + " was abandoned and cannot be resumed; 'twinsync" + " run' starts a new batch.");
        }
        if (latest.isPresent() && latest.get().getJobInstanceId() != instance.getInstanceId()) {
            throw new BatchNotResumableException("Batch " + named + " is not the latest batch against " + targetName
                    + " (" + batchIdOf(latest.get()) + " ran after it): resuming it would write its older data over"
                    + " newer. 'twinsync run' reads what changed since the last completed batch.");
        }
        return resume(last);
    }

    private Resumable resume(JobExecution last) {
        String id = batchIdOf(last);
        JobExecution execution = last;
        String how = "failed";
        if (last.getStatus().isRunning() || last.getStatus() == BatchStatus.UNKNOWN) {
            // The caller holds the target's lock: no live process runs this execution.
            log.info(
                    "Batch {}: its execution {} was left running by a process that ended; recovering it",
                    id,
                    last.getId());
            execution = operator.recover(last);
            how = "was interrupted";
        } else if (DataFactoryHandOff.handedOffIn(last)) {
            return new Resumable(
                    id,
                    execution,
                    id + " was handed to Data Factory; the write steps collect what its pipeline's tasks recorded");
        } else if (last.getStatus() == BatchStatus.STOPPED) {
            how = "was stopped";
        }
        String step = last.getStepExecutions().stream()
                .filter(s -> s.getStatus() != BatchStatus.COMPLETED)
                .map(s -> s.getStepName())
                .filter(name -> StepNames.partitionOf(name).isEmpty())
                .findFirst()
                .map(name -> " in the " + StepNames.forUser(name, List.of()))
                .orElse("");
        return new Resumable(id, execution, id + " " + how + step + "; it continues where it stopped");
    }

    /** The batch's last job execution (of a run or a replay), if the job repository has it. */
    public Optional<JobExecution> lastExecution(BatchId batch) {
        for (String job : List.of(SyncJobConfiguration.JOB_NAME, ReplayJobConfiguration.JOB_NAME)) {
            JobInstance instance = repository.getJobInstance(
                    job,
                    new JobParametersBuilder()
                            .addString(SyncJobConfiguration.BATCH_ID, batch.value())
                            .toJobParameters());
            if (instance != null) {
                return Optional.ofNullable(repository.getLastJobExecution(instance));
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a new batch against a target whose latest batch was handed to Data Factory and not recorded yet: the
     * pipeline's tasks may still be writing it, outside any lock of this process, and a new batch would read the same
     * rows again (its sync state is not committed yet).
     *
     * @throws TargetLockedException naming the batch and what to do
     */
    public void refuseWhileHandedOff(String targetKey, String targetName) {
        latestOf(targetKey)
                .filter(last -> last.getStatus() != BatchStatus.COMPLETED && last.getStatus() != BatchStatus.ABANDONED)
                .filter(DataFactoryHandOff::handedOff)
                .ifPresent(last -> {
                    String id = batchIdOf(last);
                    throw new TargetLockedException(
                            "Batch " + id + " was handed to Data Factory ("
                                    + last.getExecutionContext().getString(DataFactoryHandOff.HANDED_OFF)
                                    + ") and is not recorded yet: its pipeline's tasks may still be writing "
                                    + targetName + ". Once they ran, 'twinsync run --resume " + id + "' records it"
                                    + " (with twinsync.writer.backend=threads it also writes what the pipeline did"
                                    + " not); then run again",
                            null);
                });
    }

    /** The latest batch's last job execution against a target, if the job repository has one. */
    public Optional<JobExecution> latestExecution(String targetKey) {
        return latestOf(targetKey);
    }

    private Optional<JobExecution> latestOf(String targetKey) {
        List<JobInstance> instances = repository.getJobInstances(SyncJobConfiguration.JOB_NAME, 0, SEARCHED);
        for (JobInstance instance : instances) {
            JobExecution last = repository.getLastJobExecution(instance);
            if (last != null && targetKey.equals(last.getJobParameters().getString(SyncJobConfiguration.TARGET))) {
                return Optional.of(last);
            }
        }
        return Optional.empty();
    }

    private static String batchIdOf(JobExecution execution) {
        return execution.getJobParameters().getString(SyncJobConfiguration.BATCH_ID);
    }
}
