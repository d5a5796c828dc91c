package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The progress a run shows as a user sees it, the packaged CLI in its own process: on a terminal (a pseudo-terminal
 * made by util-linux's {@code script}), a live display of every stage on standard error; in a pipe, plain lines.
 * Standard output holds the report alone either way.
 */
class ProgressDisplayIntegrationTests {

    private static final String ESC = "\u001b[";

    @Test
    void onATerminalTheRunShowsEveryStageLiveOnStandardErrorAndTheReportAloneOnStandardOutput() throws Exception {
        // given a fresh home, and the CLI started on a terminal of 160 columns with its standard output in a file
        Path home = CliRun.newHome("display-");
        Path capture = home.resolve("terminal.log");
        Path report = home.resolve("report.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of("target", "twinsync.jar").toAbsolutePath().toString();
        String command = "stty cols 160 rows 40; exec '" + java + "' -XX:TieredStopAtLevel=1 -jar '" + jar + "' run > '"
                + report + "'";
        ProcessBuilder builder = new ProcessBuilder(List.of("script", "-qfec", command, capture.toString()))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("script.out").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TWINSYNC_"));
        builder.environment().putAll(Map.of("TWINSYNC_HOME", home.toString(), "TERM", "xterm-256color"));

        // when it runs the sample's first load
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

        // then the terminal showed each stage, the write with its bar, counts, rate, 429s and retries, kept in place
        // by escape sequences; and what stays on screen at the end is each stage's last line
        String terminal = Files.readString(capture, StandardCharsets.UTF_8);
        String reportText = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(terminal + reportText).isZero();
        assertThat(terminal)
                .contains(ESC)
                .contains("extract              done      347 rows")
                .contains("write twins          done      347 twin files in")
                .contains("write relationships  done      610 relationships in")
                .contains("throttled (429)")
                .contains("retried");
        // and standard output has the report, not a single escape sequence or progress line
        assertThat(reportText).contains("result     OK").doesNotContain(ESC).doesNotContain("done      ");
    }

    @Test
    void inAPipeTheRunPrintsPlainProgressLinesWithoutEscapeSequences() throws Exception {
        Path home = CliRun.newHome("lines-");

        TwinsyncProcesses.Result run = TwinsyncProcesses.run(home, Map.of(), "run");

        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("progress - write (twins) done: 347 twin files in")
                .contains("progress - write (relationships) done: 610 relationships in")
                .doesNotContain(ESC)
                .doesNotContain("write twins          ");
    }
}
