package io.twinsync.orchestrator.job;

import io.twinsync.writer.WriteProgress;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live progress display: one line per stage kept at the bottom of the terminal (JLine's {@link Status}, which
 * sets a scroll region so that log lines scroll above it), redrawn a few times a second. On standard error, which
 * must be a terminal: standard output keeps the run's report alone.
 *
 * <p>JLine rather than hand-written escape codes: it knows the terminal (whether standard error is one, its width,
 * its capabilities) and keeps the lines in place while other output scrolls, which a carriage return cannot.
 */
final class TerminalBoard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TerminalBoard.class);
    private static final long REDRAW_MILLIS = 250;

    private final Terminal terminal;
    private final Status status;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final ScheduledExecutorService timer;

    private TerminalBoard(Terminal terminal) {
        this.terminal = terminal;
        this.status = Status.getStatus(terminal, true);
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "twinsync-display");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::redraw, REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A board on standard error, when it is a terminal that can keep lines in place; empty otherwise. */
    static Optional<TerminalBoard> open() {
        Terminal terminal = null;
        try {
            terminal = TerminalBuilder.builder()
                    .system(true)
                    .systemOutput(TerminalBuilder.SystemOutput.SysErr)
                    // twinsync's own handlers stop a run on Ctrl+C and SIGTERM: JLine must not take them over
                    .nativeSignals(false)
                    .dumb(true)
                    .build();
            String type = terminal.getType();
            if (Terminal.TYPE_DUMB.equals(type) || Terminal.TYPE_DUMB_COLOR.equals(type) || terminal.getWidth() <= 0) {
                terminal.close();
                return Optional.empty();
            }
            return Optional.of(new TerminalBoard(terminal));
        } catch (IOException | RuntimeException | LinkageError e) {
            // LinkageError: JLine's native library could not load (a temp folder mounted noexec, say)
            log.debug("No live progress display: {}", e.toString());
            if (terminal != null) {
                try {
                    terminal.close();
                } catch (IOException ignored) {
                    // closing what could not be used
                }
            }
            return Optional.empty();
        }
    }

    synchronized void started(String stage, String noun) {
        rows.put(stage, new Row(noun, System.nanoTime()));
    }

    synchronized void writing(String stage, Long total, WriteProgress progress, boolean twins) {
        Row row = rows.computeIfAbsent(stage, s -> new Row(twins ? "twin files" : "relationships", System.nanoTime()));
        row.total = total;
        row.progress = progress;
        row.twins = twins;
    }

    synchronized void ended(String stage, boolean failed, long count) {
        Row row = rows.computeIfAbsent(stage, s -> new Row("items", System.nanoTime()));
        row.endedNanos = System.nanoTime();
        row.failed = failed;
        row.count = row.progress == null
                ? count
                : (row.twins
                        ? row.progress.snapshot().twins()
                        : row.progress.snapshot().relationships());
    }

    private void redraw() {
        try {
            List<AttributedString> lines = new ArrayList<>();
            for (String line : BoardLines.render(stages(), terminal.getWidth())) {
                lines.add(new AttributedString(line));
            }
            synchronized (status) {
                status.update(lines);
            }
        } catch (RuntimeException e) {
            log.debug("Progress display not redrawn: {}", e.toString());
        }
    }

    private synchronized List<BoardLines.Stage> stages() {
        long now = System.nanoTime();
        List<BoardLines.Stage> stages = new ArrayList<>();
        rows.forEach((name, row) -> stages.add(row.stage(name, now)));
        return stages;
    }

    /** Draws the final state and gives the terminal back, its scroll region reset. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        redraw();
        synchronized (status) {
            // keep the last frame as plain lines above the report, then drop the status area
            List<String> last = BoardLines.render(stages(), terminal.getWidth());
            status.update(List.of());
            status.close();
            last.forEach(line -> terminal.writer().println(line));
            terminal.flush();
        }
        try {
            terminal.close();
        } catch (IOException e) {
            log.debug("Terminal not closed: {}", e.toString());
        }
    }

    /** One stage's row. */
    private static final class Row {

        private final String noun;
        private final long startedNanos;
        private long endedNanos;
        private boolean failed;
        private long count;
        private Long total;
        private WriteProgress progress;
        private boolean twins;

        Row(String noun, long startedNanos) {
            this.noun = noun;
            this.startedNanos = startedNanos;
        }

        BoardLines.Stage stage(String name, long now) {
            BoardLines.State state = endedNanos == 0
                    ? BoardLines.State.RUNNING
                    : failed ? BoardLines.State.FAILED : BoardLines.State.DONE;
            Duration elapsed = Duration.ofNanos((endedNanos == 0 ? now : endedNanos) - startedNanos);
            BoardLines.Write write = progress == null ? null : new BoardLines.Write(total, progress.snapshot(), twins);
            return new BoardLines.Stage(name, noun, elapsed, state, count, write);
        }
    }
}
