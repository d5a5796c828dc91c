package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run says how its write goes while it runs, as lines on standard error: started as {@code java -jar} starts it,
 * against the embedded emulator with ADT's limits, which make the sample's write take about a second per phase.
 */
class ProgressLinesTests {

    @Test
    void aRunningWriteSaysHowFarItGotAndEachStepWhatItDid() {
        Path home = CliRun.newHome("progress-");
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("TWINSYNC_HOME", home.toString());
        variables.put("TWINSYNC_PROGRESS_EVERY", "100ms");

        StartedTwinsync run = StartedTwinsync.run(variables, Map.of(), "run");

        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output())
                .containsPattern("write \\(twins\\): [\\d,]+ of 347 twin files \\(\\d+ %\\), [\\d,]+/s")
                .contains("write (twins) done: 347 twin files in ")
                .contains("write (relationships) done: 610 relationships in ");
    }

    @Test
    void progressLinesCanBeTurnedOff() {
        Path home = CliRun.newHome("progress-off-");
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("TWINSYNC_HOME", home.toString());
        variables.put("TWINSYNC_PROGRESS_EVERY", "0s");

        StartedTwinsync run = StartedTwinsync.run(variables, Map.of(), "run");

        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain("write (twins)").contains("result     OK");
    }
}
