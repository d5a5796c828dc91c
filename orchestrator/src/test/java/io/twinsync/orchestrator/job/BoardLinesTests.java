package io.twinsync.orchestrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.writer.WriteProgress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live display's lines: a write's bar, counts, rate, 429s, retries and time left; a stage's end. */
class BoardLinesTests {

    @Test
    void aRunningWriteShowsItsBarCountsRateThrottlesRetriesAndTimeLeft() {
        BoardLines.Stage stage = new BoardLines.Stage(
                "write twins",
                "twin files",
                Duration.ofSeconds(4),
                BoardLines.State.RUNNING,
                0,
                new BoardLines.Write(5_000L, new WriteProgress.Snapshot(1_000, 0, 1_100, 40, 60, 2), true));

        assertThat(BoardLines.line(stage))
                .isEqualTo("write twins          [####................]     1,000 / 5,000  20 %  250/s  1,100 requests"
                        + "  40 throttled (429)  60 retried  2 failed  ETA 16 s");
    }

    @Test
    void aLongWriteSaysItsTimeLeftInMinutes() {
        BoardLines.Stage stage = new BoardLines.Stage(
                "write relationships",
                "relationships",
                Duration.ofSeconds(10),
                BoardLines.State.RUNNING,
                0,
                new BoardLines.Write(1_000_000L, new WriteProgress.Snapshot(0, 5_000, 5_000, 0, 0, 0), false));

        assertThat(BoardLines.line(stage)).endsWith("ETA 33 min 10 s");
    }

    @Test
    void endedStagesSayWhatTheyDidAndATransformDoneWithTheExtractSaysSo() {
        List<String> lines = BoardLines.render(
                List.of(
                        new BoardLines.Stage(
                                "extract", "rows", Duration.ofMillis(1_200), BoardLines.State.DONE, 347, null),
                        new BoardLines.Stage(
                                "transform",
                                "twin files",
                                Duration.ZERO,
                                BoardLines.State.DONE,
                                BoardLines.WITH_EXTRACT,
                                null),
                        new BoardLines.Stage(
                                "write twins", "twin files", Duration.ofSeconds(3), BoardLines.State.FAILED, 0, null)),
                200);

        assertThat(lines)
                .containsExactly(
                        "extract              done      347 rows in 1.2 s",
                        "transform            done      with the extract, as the rows were read",
                        "write twins          FAILED    after 3.0 s");
    }

    @Test
    void aLineIsCutToTheTerminalsWidth() {
        List<String> lines = BoardLines.render(
                List.of(new BoardLines.Stage(
                        "extract", "rows", Duration.ofSeconds(1), BoardLines.State.DONE, 347, null)),
                20);

        assertThat(lines.get(0)).hasSize(19);
    }
}
