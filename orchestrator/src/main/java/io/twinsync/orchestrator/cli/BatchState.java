package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.job.DataFactoryHandOff;
import io.twinsync.orchestrator.job.SyncJobConfiguration;
import io.twinsync.staging.manifest.BatchManifest;
import org.springframework.batch.core.job.JobExecution;

/**
 * How a batch stands, in the words {@code run} ends with (OK, PARTIAL, FAILED), from its job's last execution when the
 * job repository has one (whether it ended, and can be resumed) and its manifest (what it did).
 */
final class BatchState {

    private BatchState() {}

    static String of(BatchManifest manifest, JobExecution job) {
        boolean noWrite = job != null && "true".equals(job.getJobParameters().getString(SyncJobConfiguration.NO_WRITE));
        String result = new RunReport(manifest, "", noWrite, false).result().name();
        if (job == null) {
            return result + " (no job record)";
        }
        return switch (job.getStatus()) {
            case COMPLETED ->
                !noWrite
                        ? result
                        : "true".equals(job.getJobParameters().getString(SyncJobConfiguration.DRY_RUN))
                                ? result + " (dry run, not written)"
                                : result + " (not written)";
            case FAILED -> "FAILED, resumable";
            case STOPPED ->
                DataFactoryHandOff.handedOffIn(job)
                        ? "HANDED_OFF to Data Factory; 'run --resume' records it once the pipeline's tasks ran"
                        : "STOPPED, resumable";
            case ABANDONED -> "ABANDONED";
            case STARTING, STARTED, STOPPING, UNKNOWN -> "RUNNING, or interrupted (then resumable)";
        };
    }
}
