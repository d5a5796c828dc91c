package io.twinsync.orchestrator.job;

import io.twinsync.writer.WriteProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines of the live progress display, one per stage that has started: pure text, cut to the terminal's width.
 *
 * <pre>
 * extract              done      347 rows in 0.1 s
 * transform            done      347 twin files in 0.6 s
 * write twins          [#######.............]    114 / 347   32 %   46/s   114 req  0 × 429  0 retries  ETA 5 s
 * </pre>
 */
final class BoardLines {

    static final int BAR = 20;

    /** {@link Stage#count()} of a transform done with the extract, as the rows were read. */
    static final long WITH_EXTRACT = -1;

    private BoardLines() {}

    /** A stage as the display shows it. */
    record Stage(String name, String noun, Duration elapsed, State state, long count, Write write) {}

    /** Where a stage is. */
    enum State {
        RUNNING,
        DONE,
        FAILED
    }

    /** What a write stage counts while it runs: its phase's total (null: not known) and what is done. */
    record Write(Long total, WriteProgress.Snapshot done, boolean twins) {}

    static List<String> render(List<Stage> stages, int width) {
        List<String> lines = new ArrayList<>();
        for (Stage stage : stages) {
            lines.add(cut(line(stage), width));
        }
        return lines;
    }

    static String line(Stage stage) {
        String name = String.format(Locale.ROOT, "%-20s ", stage.name());
        double seconds = Math.max(stage.elapsed().toMillis(), 1) / 1000.0;
        if (stage.write() == null || stage.state() != State.RUNNING) {
            return switch (stage.state()) {
                case RUNNING -> name + String.format(Locale.ROOT, "running   %.1f s", seconds);
                case DONE ->
                    stage.count() == WITH_EXTRACT
                            ? name + String.format(Locale.ROOT, "done      with the extract, as the rows were read")
                            : name
                                    + String.format(
                                            Locale.ROOT,
                                            "done      %,d %s in %.1f s%s",
                                            stage.count(),
                                            stage.noun(),
                                            seconds,
                                            stage.write() == null
                                                    ? ""
                                                    : requests(stage.write().done()));
                case FAILED -> name + String.format(Locale.ROOT, "FAILED    after %.1f s", seconds);
            };
        }
        Write write = stage.write();
        long items = write.twins() ? write.done().twins() : write.done().relationships();
        double rate = items / seconds;
        StringBuilder line = new StringBuilder(name);
        if (write.total() != null && write.total() > 0) {
            long total = write.total();
            int filled = (int) Math.min(BAR, items * BAR / total);
            line.append('[')
                    .append("#".repeat(filled))
                    .append(".".repeat(BAR - filled))
                    .append(']')
                    .append(String.format(
                            Locale.ROOT, " %,9d / %,d %3d %%", items, total, Math.min(100, items * 100 / total)));
        } else {
            line.append(String.format(Locale.ROOT, "%,d %s so far", items, stage.noun()));
        }
        line.append(String.format(Locale.ROOT, "  %,.0f/s", rate)).append(requests(write.done()));
        if (write.done().failed() > 0) {
            line.append(String.format(Locale.ROOT, "  %,d failed", write.done().failed()));
        }
        if (write.total() != null && write.total() > items && rate > 0) {
            line.append(String.format(Locale.ROOT, "  ETA %s", eta(Math.round((write.total() - items) / rate))));
        }
        return line.toString();
    }

    private static String requests(WriteProgress.Snapshot done) {
        return String.format(
                Locale.ROOT,
                "  %,d requests  %,d throttled (429)  %,d retried",
                done.requests(),
                done.throttled(),
                done.retried());
    }

    private static String eta(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
    }

    private static String cut(String line, int width) {
        return width > 1 && line.length() >= width ? line.substring(0, width - 1) : line;
    }
}
