package io.twinsync.orchestrator.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Exports the metrics when a job's observation stops, that is, at the end of every batch ({@code run}, each of
 * {@code schedule}'s, {@code replay}): Spring Batch stops it once the job's last step ended.
 * Registered before the handler that records the timers, so that it is told after it (a registry tells its handlers
 * of a stop in reverse order), and the job's own timer is in the export.
 */
final class BatchEndExport implements ObservationHandler<Observation.Context> {

    /** The name of Spring Batch's job observation (and so of its timer). */
    static final String JOB_OBSERVATION = "spring.batch.job";

    private final MeterExport export;

    BatchEndExport(MeterExport export) {
        this.export = export;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return JOB_OBSERVATION.equals(context.getName());
    }

    @Override
    public void onStop(Observation.Context context) {
        export.export();
    }
}
