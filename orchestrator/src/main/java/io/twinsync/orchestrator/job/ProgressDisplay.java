package io.twinsync.orchestrator.job;

import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.writer.WritePhase;
import io.twinsync.writer.WriteProgress;
import java.time.Duration;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * How a batch shows its progress while it runs: on a terminal (standard error is one, and
 * {@code twinsync.progress.display} is {@code auto}), a live display of every stage ({@link TerminalBoard}); otherwise
 * a write step's plain lines every {@code twinsync.progress.every} ({@link WriteProgressLines}). Nothing goes to
 * standard output, which keeps the run's report alone.
 */
@Component
public class ProgressDisplay implements JobExecutionListener, StepExecutionListener {

    /** The stages the display shows, by step name: their label and what they count. */
    private static final Map<String, String[]> STAGES = Map.of(
            "extract",
            new String[] {"extract", "rows"},
            "transform",
            new String[] {"transform", "twin files"},
            SyncJobConfiguration.WRITE_TWINS_STEP,
            new String[] {"write twins", "twin files"},
            SyncJobConfiguration.WRITE_RELATIONSHIPS_STEP,
            new String[] {"write relationships", "relationships"});

    private final TwinsyncProperties.Progress settings;
    private volatile TerminalBoard board;

    public ProgressDisplay(TwinsyncProperties properties) {
        this.settings = properties.progress();
    }

    @Override
    public void beforeJob(JobExecution job) {
        if (settings.live() && !settings.every().isZero()) {
            board = TerminalBoard.open().orElse(null);
        }
    }

    @Override
    public void afterJob(JobExecution job) {
        TerminalBoard shown = board;
        board = null;
        if (shown != null) {
            shown.close();
        }
    }

    @Override
    public void beforeStep(StepExecution step) {
        TerminalBoard shown = board;
        String[] stage = STAGES.get(step.getStepName());
        if (shown != null && stage != null && !skipped(step)) {
            shown.started(stage[0], stage[1]);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        TerminalBoard shown = board;
        String[] stage = STAGES.get(step.getStepName());
        if (shown != null && stage != null && !skipped(step)) {
            boolean overlapped = "transform".equals(step.getStepName())
                    && step.getJobExecution()
                            .getExecutionContext()
                            .containsKey(SyncJobConfiguration.TRANSFORMED_WHILE_EXTRACTING);
            // a transform done while extracting counts nothing of its own: BoardLines says so
            shown.ended(
                    stage[0],
                    step.getStatus() != BatchStatus.COMPLETED,
                    overlapped ? BoardLines.WITH_EXTRACT : step.getWriteCount());
        }
        return null;
    }

    /**
     * Shows a write step's progress while its partitions run: on the live display when there is one, else as plain
     * lines every {@code every}.
     *
     * @param total the phase's items, or null when not known
     * @return what ends the lines when the step's partitions are done
     */
    AutoCloseable write(WritePhase phase, Long total, WriteProgress progress, Duration every) {
        TerminalBoard shown = board;
        if (shown == null) {
            return WriteProgressLines.start(phase, total, progress, every);
        }
        String step = phase == WritePhase.TWINS
                ? SyncJobConfiguration.WRITE_TWINS_STEP
                : SyncJobConfiguration.WRITE_RELATIONSHIPS_STEP;
        shown.writing(STAGES.get(step)[0], total, progress, phase == WritePhase.TWINS);
        return () -> {};
    }

    /** A write step of a batch that does not write (--no-write, --dry-run) does nothing worth a line. */
    private static boolean skipped(StepExecution step) {
        return step.getStepName().startsWith("write")
                && "true".equals(step.getJobParameters().getString(SyncJobConfiguration.NO_WRITE));
    }
}
