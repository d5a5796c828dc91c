package io.twinsync.orchestrator.schedule;

import java.time.ZonedDateTime;

/** What a tick starts: one batch, run to its end on the calling thread. */
public interface ScheduledBatch {

    /** Runs one batch. A batch that cannot run does not throw: the outcome says why. */
    TickOutcome run(ZonedDateTime tick);

    /**
     * Asks the running batch to stop once its running step has ended, leaving it resumable.
     *
     * @return true once it was asked; false when no batch job runs yet (ask again while the batch runs)
     */
    boolean stop();
}
