package io.twinsync.orchestrator.job;

import io.twinsync.staging.BatchId;
import io.twinsync.staging.StagingStore;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code replay} job: an earlier batch's twin files written again as a new batch of its own (the
 * {@value SyncJobConfiguration#BATCH_ID} parameter), with the same partitioned write step and job repository record
 * as a run. Its steps: {@code replayFiles} copies the files into the new batch, then the {@code sync} job's
 * {@code write} (which skips the twins a newer batch applied, {@value SyncJobConfiguration#REPLAY_OF}), {@code record}
 * (which commits no watermark or presence list), {@code report} and {@code archive}.
 *
 * <p>A job of its own rather than a flag on {@code sync}: the replay has no extract or transform, and a job instance
 * named {@code replay} is never taken for a batch that {@code run --resume} may continue.
 */
@Configuration(proxyBeanMethods = false)
public class ReplayJobConfiguration {

    public static final String JOB_NAME = "replay";
    /** Job parameter: whether only the twins that failed in the replayed batch are written. */
    public static final String FAILED_ONLY = "failedOnly";

    @Bean
    Job replayJob(
            JobRepository jobs,
            Step replayFilesStep,
            Step writeTwinsStep,
            Step writeRelationshipsStep,
            Step recordStep,
            Step reportStep,
            Step archiveStep,
            BatchReportListener reports) {
        return new JobBuilder(JOB_NAME, jobs)
                .listener(reports)
                .start(replayFilesStep)
                .next(writeTwinsStep)
                .next(writeRelationshipsStep)
                .next(recordStep)
                .next(reportStep)
                .next(archiveStep)
                .build();
    }

    /** Copies the replayed batch's twin files (all, or those that failed) into the replay's batch. */
    @Bean
    Step replayFilesStep(JobRepository jobs, StagingStore staging) {
        return new StepBuilder("replayFiles", jobs)
                .tasklet(SyncJobConfiguration.stage(staging, (batch, contribution) -> {
                    JobParameters parameters = contribution.getStepExecution().getJobParameters();
                    BatchId original = new BatchId(parameters.getString(SyncJobConfiguration.REPLAY_OF));
                    int copied = ReplayFiles.copy(
                            staging.openBatch(original), batch, "true".equals(parameters.getString(FAILED_ONLY)));
                    contribution.incrementWriteCount(copied);
                }))
                .build();
    }
}
