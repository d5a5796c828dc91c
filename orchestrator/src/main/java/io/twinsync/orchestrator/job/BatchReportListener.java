package io.twinsync.orchestrator.job;

import io.twinsync.orchestrator.report.BatchReports;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StagingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The batch report of a job that did not complete (failed, stopped, handed off to Data Factory): written when the job
 * ends, into the batch it leaves in {@code batches/}, so that a failed or partial batch has one too. A job that
 * completes had its report written by its {@code report} step, before the archive step moved the batch.
 */
@Component
public class BatchReportListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(BatchReportListener.class);

    private final StagingStore staging;

    public BatchReportListener(StagingStore staging) {
        this.staging = staging;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return;
        }
        String id = execution.getJobParameters().getString(SyncJobConfiguration.BATCH_ID);
        if (id == null) {
            return;
        }
        write(
                staging,
                new BatchId(id),
                execution.getJobParameters(),
                execution.getStatus().name());
    }

    /**
     * Writes a batch's report; a report that cannot be written is logged, never fails the batch (it can be written
     * again with {@code twinsync report}).
     */
    static void write(StagingStore staging, BatchId id, JobParameters parameters, String jobStatus) {
        try {
            Batch batch = staging.openBatch(id);
            if (!batch.exists(BatchLayout.MANIFEST)) {
                return;
            }
            BatchReports.write(batch, context(parameters, jobStatus));
            log.info("Batch {}: report written to {}/{}", id, batch.location(), BatchReports.HTML);
        } catch (StagingException | IllegalArgumentException e) {
            log.warn(
                    "Batch {}: its report could not be written ({}); 'twinsync report {} --regenerate' tries again",
                    id,
                    e.getMessage(),
                    id);
        }
    }

    /** What the report needs to know from the batch's job parameters. */
    public static BatchReports.Context context(JobParameters parameters, String jobStatus) {
        return new BatchReports.Context(
                "true".equals(parameters.getString(SyncJobConfiguration.NO_WRITE)),
                "true".equals(parameters.getString(SyncJobConfiguration.FULL_COMPARE)),
                jobStatus);
    }
}
