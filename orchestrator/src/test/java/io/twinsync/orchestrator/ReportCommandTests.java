package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code twinsync report}: where a batch's report is, and one written for a batch that has none. */
@SpringBootTest
class ReportCommandTests {

    static final Path home = CliRun.newHome("report-");

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
    }

    @Autowired
    TwinsyncCommandLine cli;

    @Test
    void aRunNamesItsArchivedReportAndTheCommandWritesOneForABatchWithout() throws Exception {
        // given a run, which names the report it archived with its batch
        CliRun run = CliRun.of(cli, "run");
        assertThat(run.code()).as(run.toString()).isZero();
        String id = CliRun.latestManifest(home).batchId();
        Path folder = home.resolve("staging").resolve("archive").resolve(id).toAbsolutePath();
        assertThat(run.out()).contains("  report     " + folder.resolve("report.html"));
        assertThat(folder.resolve("report.json")).exists();

        // and the batch's report gone, as for a batch of a version before reports
        Files.delete(folder.resolve("report.html"));
        Files.delete(folder.resolve("report.json"));

        // when the report is asked for
        CliRun written = CliRun.of(cli, "report", id);

        // then it is written again, and its place and result said
        assertThat(written.code()).as(written.toString()).isZero();
        assertThat(written.out())
                .contains("batch " + id + ", report written")
                .contains("  report     " + folder.resolve("report.html"))
                .contains("  json       " + folder.resolve("report.json"))
                .contains("  result     OK");
        assertThat(Files.readString(folder.resolve("report.html"))).contains("data-metric=\"result\">OK<");

        // and asked again (the newest batch by default), it is only pointed at
        CliRun again = CliRun.of(cli, "report");
        assertThat(again.out()).doesNotContain("report written").contains("  result     OK");
    }
}
