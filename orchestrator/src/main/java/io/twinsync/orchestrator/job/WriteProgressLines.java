package io.twinsync.orchestrator.job;

import io.twinsync.writer.WritePhase;
import io.twinsync.writer.WriteProgress;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write step's progress while its partitions run, as a line on standard error every
 * {@code twinsync.writer.progress-every} (logger {@value #LOGGER}, shown at the default log level): how many of the
 * phase's items are done, the rate, the requests sent (how many throttled and retried), how many failed and about
 * how long is left; then one line when
 * the step's partitions end. What it counts is what this process writes: with the {@code processes} back-end the
 * partitions are other processes, and no lines are printed.
 */
final class WriteProgressLines implements AutoCloseable {

    static final String LOGGER = "twinsync.progress";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final WritePhase phase;
    private final Long total;
    private final WriteProgress progress;
    private final long startedNanos = System.nanoTime();
    private final ScheduledExecutorService timer;

    private WriteProgressLines(WritePhase phase, Long total, WriteProgress progress, Duration every) {
        this.phase = phase;
        this.total = total;
        this.progress = progress;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "twinsync-progress");
            thread.setDaemon(true);
            return thread;
        });
        long millis = every.toMillis();
        timer.scheduleAtFixedRate(
                () -> log.info(line(phase, total, progress.snapshot(), elapsed(), false)),
                millis,
                millis,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Starts the lines of a write step, or nothing when {@code every} is zero.
     *
     * @param total the items of the phase to write (twin files, or relationships), or null when not known (a resumed
     *     step writes only some partitions)
     */
    static AutoCloseable start(WritePhase phase, Long total, WriteProgress progress, Duration every) {
        if (every.isZero() || every.isNegative()) {
            return () -> {};
        }
        return new WriteProgressLines(phase, total, progress, every);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        log.info(line(phase, total, progress.snapshot(), elapsed(), true));
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * {@code write (twins): 1,234 of 5,000 twin files (24 %), 310/s, 1,290 requests, 0 failed, about 12 s left}, or,
     * when done, {@code write (twins) done: 5,000 twin files in 16.1 s (310/s), 5,120 requests, 0 failed}.
     */
    static String line(WritePhase phase, Long total, WriteProgress.Snapshot done, Duration elapsed, boolean finished) {
        boolean twins = phase == WritePhase.TWINS;
        long items = twins ? done.twins() : done.relationships();
        String what = twins ? "twin files" : "relationships";
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        double rate = items / seconds;
        String name = "write (" + (twins ? "twins" : "relationships") + ")";
        if (finished) {
            return String.format(
                    Locale.ROOT,
                    "%s done: %,d %s in %.1f s (%,.0f/s), %s, %,d failed",
                    name,
                    items,
                    what,
                    seconds,
                    rate,
                    requests(done),
                    done.failed());
        }
        StringBuilder line = new StringBuilder(name).append(": ");
        if (total != null && total > 0) {
            line.append(String.format(
                    Locale.ROOT, "%,d of %,d %s (%d %%)", items, total, what, Math.min(100, items * 100 / total)));
        } else {
            line.append(String.format(Locale.ROOT, "%,d %s so far", items, what));
        }
        line.append(String.format(Locale.ROOT, ", %,.0f/s, %s, %,d failed", rate, requests(done), done.failed()));
        long left = total != null && total > items && rate > 0 ? Math.round((total - items) / rate) : 0;
        if (left >= 1) {
            line.append(String.format(Locale.ROOT, ", about %,d s left", left));
        }
        return line.toString();
    }

    /** {@code 1,290 requests}, and {@code (12 throttled, 15 retried)} when there were any. */
    static String requests(WriteProgress.Snapshot done) {
        String requests = String.format(Locale.ROOT, "%,d requests", done.requests());
        if (done.throttled() == 0 && done.retried() == 0) {
            return requests;
        }
        return requests + String.format(Locale.ROOT, " (%,d throttled, %,d retried)", done.throttled(), done.retried());
    }
}
