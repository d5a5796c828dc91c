package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.writer.retry.RequestListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Metrics are off unless asked for: nothing is counted or written; and an export twinsync has not is refused. */
@SpringBootTest
class MetricsOffTests {

    static final Path home = CliRun.newHome("metrics-off-");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
    }

    @Autowired
    TwinsyncCommandLine cli;

    @Autowired
    RequestListener requestMetrics;

    @Test
    void byDefaultARunWritesNoMetricsFileAndTheWriterTellsNoMeters() {
        // when
        CliRun run = CliRun.of(cli, "run");

        // then
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(CliRun.latestManifest(home).write().requests()).isPositive();
        assertThat(home.resolve("metrics")).doesNotExist();
        assertThat(requestMetrics).isSameAs(RequestListener.NONE);
    }

    @Test
    void anUnknownExportStopsTheStartWithExitOneNamingTheSettingAndWhatItTakes() throws Exception {
        // given
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(
                "TWINSYNC_HOME",
                Files.createDirectories(home.resolve("refused")).toString());
        variables.put("TWINSYNC_METRICS_EXPORT", "graphite");

        // when
        StartedTwinsync run = StartedTwinsync.run(variables, Map.of(), "batches");

        // then
        assertThat(run.code()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains("twinsync.metrics.export")
                .contains("graphite")
                .contains("use none (no metrics, the default), prometheus");
        StartupSettingsTests.assertNoStackTrace(run);
    }
}
