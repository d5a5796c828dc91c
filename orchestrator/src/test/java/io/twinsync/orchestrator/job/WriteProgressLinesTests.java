package io.twinsync.orchestrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.writer.WritePhase;
import io.twinsync.writer.WriteProgress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The progress lines a running write step prints: done of total, rate, requests, failures, time left. */
class WriteProgressLinesTests {

    @Test
    void aRunningLineSaysHowFarOfTheTotalAtWhatRateWithThrottlesAndRetriesAndAboutHowLongIsLeft() {
        String line = WriteProgressLines.line(
                WritePhase.TWINS,
                5_000L,
                new WriteProgress.Snapshot(1_000, 0, 1_100, 40, 60, 2),
                Duration.ofSeconds(4),
                false);

        assertThat(line)
                .isEqualTo("write (twins): 1,000 of 5,000 twin files (20 %), 250/s, 1,100 requests (40 throttled,"
                        + " 60 retried), 2 failed, about 16 s left");
    }

    @Test
    void withoutATotalALineSaysHowManySoFarAndNoTimeLeft() {
        String line = WriteProgressLines.line(
                WritePhase.RELATIONSHIPS,
                null,
                new WriteProgress.Snapshot(0, 300, 300, 0, 0, 0),
                Duration.ofSeconds(3),
                false);

        assertThat(line).isEqualTo("write (relationships): 300 relationships so far, 100/s, 300 requests, 0 failed");
    }

    @Test
    void theLastLineSaysWhatTheStepDidAndHowLongItTook() {
        String line = WriteProgressLines.line(
                WritePhase.RELATIONSHIPS,
                610L,
                new WriteProgress.Snapshot(0, 610, 612, 0, 0, 0),
                Duration.ofMillis(2_500),
                true);

        assertThat(line)
                .isEqualTo("write (relationships) done: 610 relationships in 2.5 s (244/s), 612 requests, 0 failed");
    }
}
