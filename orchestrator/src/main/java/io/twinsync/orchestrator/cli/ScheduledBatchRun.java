package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.schedule.ScheduledBatch;
import io.twinsync.orchestrator.schedule.TickOutcome;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scheduled batch is a {@code twinsync run}: the same {@link BatchRun}, with the same preflight, lock, job and
 * result. Its report is left out (standard output gets one line per batch; {@code twinsync status} and the batch
 * folder keep the counts); what went wrong goes to standard error as {@code run} says it. What makes {@code run}
 * exit 4, another process holding the target, skips the tick.
 */
final class ScheduledBatchRun implements ScheduledBatch {

    private static final Logger log = LoggerFactory.getLogger(ScheduledBatchRun.class);

    private final BatchRun batchRun;
    private final PrintWriter err;
    private final PrintWriter noReport = new PrintWriter(Writer.nullWriter());
    private final CliExitCodes exitCodes = new CliExitCodes();

    ScheduledBatchRun(BatchRun batchRun, PrintWriter err) {
        this.batchRun = batchRun;
        this.err = err;
    }

    @Override
    public TickOutcome run(ZonedDateTime tick) {
        try {
            BatchRun.Outcome outcome = batchRun.run(BatchRun.Options.newBatch(), noReport, err);
            return TickOutcome.ran(outcome.batchId(), outcome.result());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("The batch at {} did not run", tick, e);
            String why = CliExceptionHandler.describe(e);
            return exitCodes.getExitCode(e) == ExitCode.LOCKED.code()
                    ? TickOutcome.targetHeld(why)
                    : TickOutcome.notRun(why);
        }
    }

    @Override
    public boolean stop() {
        return batchRun.stop();
    }
}
