package io.twinsync.orchestrator.schedule;

import java.io.PrintWriter;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch per tick, never two at once. A tick that comes while a batch runs is skipped, and so is one whose batch
 * finds the target held by another process; each skip is one line on standard error, and the schedule goes on. The
 * batches run on a thread of their own, so that ticks are seen, and skipped, as they come. Standard output gets one
 * line per batch: the tick, the batch and its result.
 *
 * <p>{@link #stop()} ends the schedule: no batch starts after it, and the running one is asked to stop once its
 * running step has ended; {@link #run()} returns when it has.
 */
public final class BatchSchedule {

    private static final Logger log = LoggerFactory.getLogger(BatchSchedule.class);

    /** How often a stop asks the running batch again while its job has not started yet. */
    private static final long STOP_POLL_MILLIS = 100;

    private final Ticks ticks;
    private final ScheduledBatch batch;
    private final PrintWriter out;
    private final PrintWriter err;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);

    /**
     * @param out where each batch's line goes (standard output: results)
     * @param err where skipped ticks and the schedule's own news go (standard error)
     */
    public BatchSchedule(Ticks ticks, ScheduledBatch batch, PrintWriter out, PrintWriter err) {
        this.ticks = ticks;
        this.batch = batch;
        this.out = out;
        this.err = err;
    }

    /** Runs batches at the ticks until {@link #stop()}; then waits for the running batch to stop. */
    public void run() throws InterruptedException {
        ExecutorService worker =
                Executors.newSingleThreadExecutor(task -> new Thread(task, "twinsync-scheduled-batch"));
        Future<?> running = null;
        ZonedDateTime runningSince = null;
        try {
            for (Optional<ZonedDateTime> tick = ticks.awaitNext(stopped);
                    tick.isPresent();
                    tick = ticks.awaitNext(stopped)) {
                if (running != null && !running.isDone()) {
                    err.printf(
                            "twinsync schedule: skipped the start at %s: the batch started at %s is still running;"
                                    + " the next batch starts at the first tick after it ends%n",
                            format(tick.get()), format(runningSince));
                    err.flush();
                    continue;
                }
                ZonedDateTime at = tick.get();
                runningSince = at;
                running = worker.submit(() -> runOne(at));
            }
        } finally {
            try {
                if (running != null && !running.isDone()) {
                    err.printf(
                            "twinsync schedule: stopping; the batch started at %s stops once its running step has"
                                    + " ended%n",
                            format(runningSince));
                    err.flush();
                    stopRunning(running);
                }
                worker.shutdown();
                err.println("twinsync schedule: stopped.");
                err.flush();
            } finally {
                ended.countDown(); // whatever happened, a shutdown waiting for the schedule must not wait forever
            }
        }
    }

    /** Ends the schedule: no batch starts after this, and the running one stops after its running step. */
    public void stop() {
        stopped.countDown();
    }

    /** Waits until {@link #run()} has returned: its last batch has ended and its line is printed. */
    public void awaitEnd() throws InterruptedException {
        ended.await();
    }

    private void runOne(ZonedDateTime tick) {
        TickOutcome outcome;
        try {
            outcome = batch.run(tick);
        } catch (RuntimeException e) { // a batch that could not say why; the schedule goes on all the same
            log.debug("The batch at {} failed", tick, e);
            outcome = TickOutcome.notRun(String.valueOf(e.getMessage()));
        }
        switch (outcome.kind()) {
            case RAN -> out.printf("%s batch %s %s%n", format(tick), outcome.batchId(), outcome.result());
            case TARGET_HELD ->
                err.printf(
                        "twinsync schedule: skipped the start at %s: %s. The next tick tries again.%n",
                        format(tick), outcome.reason());
            case NOT_RUN -> {
                out.printf("%s no batch %s%n", format(tick), outcome.result());
                err.printf(
                        "twinsync schedule: the batch at %s could not run: %s. The next tick tries again.%n",
                        format(tick), outcome.reason());
            }
        }
        out.flush();
        err.flush();
    }

    /**
     * Asks the running batch to stop, again while its job has not started (it then stops before its first step),
     * and waits for it to end. Does not give up when interrupted: what the batch leaves must be resumable.
     */
    private void stopRunning(Future<?> running) {
        boolean interrupted = false;
        boolean asked = false;
        while (!running.isDone()) {
            asked = asked || askToStop();
            try {
                running.get(asked ? 1 : STOP_POLL_MILLIS, asked ? TimeUnit.SECONDS : TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (TimeoutException stillRunning) {
                // ask or wait again
            } catch (ExecutionException e) {
                break; // runOne catches what a batch throws; nothing is left to wait for
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the batch to stop; a batch that cannot be asked (say, its job repository is gone) is waited for. */
    private boolean askToStop() {
        try {
            return batch.stop();
        } catch (RuntimeException e) {
            log.debug("Could not ask the running batch to stop; asking again", e);
            return false;
        }
    }

    private static String format(ZonedDateTime time) {
        return time.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
