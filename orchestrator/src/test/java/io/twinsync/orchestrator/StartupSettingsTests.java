package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.orchestrator.config.NonSettingVariables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings twinsync refuses before anything starts, each with one plain message and exit code 1. */
class StartupSettingsTests {

    final Path home = CliRun.newHome("startup-settings-");

    @Test
    void aMistypedSettingInTheSettingsFileIsRefusedWithWhereItIsAndTheNearestSetting() throws IOException {
        // given a settings file with a typo that would otherwise leave the writer on its default
        Path file = settingsFile("twinsync:\n  writer:\n    concurency: 8\n");

        // when twinsync starts
        StartedTwinsync run = StartedTwinsync.withSettingsFile(file, variables(), Map.of(), "batches");

        // then it refuses, naming the key as written, the file and line, and the setting meant
        assertThat(run.code()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains("Unknown setting twinsync.writer.concurency (" + file.toAbsolutePath() + ", line 3")
                .contains("did you mean twinsync.writer.concurrency?");
        assertNoStackTrace(run);
    }

    @Test
    void aMistypedVariableIsRefusedAsWritten() {
        Map<String, String> variables = variables();
        variables.put("TWINSYNC_WRITER_CONCURENCY", "8");

        StartedTwinsync run = StartedTwinsync.run(variables, Map.of(), "batches");

        assertThat(run.code()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains("Unknown environment variable TWINSYNC_WRITER_CONCURENCY")
                .contains("did you mean TWINSYNC_WRITER_CONCURRENCY (twinsync.writer.concurrency)?");
        assertNoStackTrace(run);
    }

    @Test
    void aMistypedSystemPropertyIsRefused() {
        StartedTwinsync run =
                StartedTwinsync.run(variables(), Map.of("twinsync.target.endpont", "https://adt.example"), "batches");

        assertThat(run.code()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains("Unknown setting twinsync.target.endpont (system property -Dtwinsync.target.endpont)")
                .contains("did you mean twinsync.target.endpoint?");
    }

    @Test
    void settingsInAnyRelaxedFormAndTheVariablesThatAreNotSettingsStartAsBefore() throws IOException {
        // given settings as users write them: relaxed names, legacy variables, a map, the launcher's variables
        Path file = settingsFile("twinsync:\n  writer:\n    maxRetries: 3\n    limits:\n      patches: 500\n");
        Map<String, String> variables = variables();
        variables.put("TWINSYNC_WRITER_MAX_RETRIES", "4");
        variables.put("TWINSYNC_SOURCE_FETCH_SIZE", "500");
        NonSettingVariables.all().keySet().forEach(name -> variables.put(name, "WARN"));
        variables.remove("TWINSYNC_STAGING_CONNECTION_STRING"); // read only for a staging URL, which this is not

        StartedTwinsync run = StartedTwinsync.withSettingsFile(file, variables, Map.of(), "batches");

        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).contains("No batches in");
    }

    @Test
    void theHomeIsTheVariableElseTheSettingsFilesElseTheLaunchersDefault() throws IOException {
        // given the home the ./twinsync launcher gives as its default, and one in the settings file
        Path launcherDefault = home.toAbsolutePath().resolve("next-to-the-launcher");
        Path fromFile = home.toAbsolutePath().resolve("from-the-file");
        Path file = settingsFile("twinsync:\n  home: " + fromFile + "\n");

        // when twinsync starts through the launcher / then the file's home wins over the launcher's default
        Map<String, String> launcher = Map.of("TWINSYNC_LAUNCHER_HOME", launcherDefault.toString());
        StartedTwinsync withFile = StartedTwinsync.withSettingsFile(file, launcher, Map.of(), "batches");
        assertThat(withFile.code()).as(withFile.output()).isZero();
        assertThat(withFile.output()).contains("No batches in " + fromFile.resolve("staging"));

        // and without a home in the file, the launcher's default is the home
        Path noHome = settingsFile("twinsync:\n  writer:\n    maxRetries: 3\n");
        StartedTwinsync withoutFile = StartedTwinsync.withSettingsFile(noHome, launcher, Map.of(), "batches");
        assertThat(withoutFile.output()).contains("No batches in " + launcherDefault.resolve("staging"));

        // and TWINSYNC_HOME wins over both, as documented
        Map<String, String> both = new LinkedHashMap<>(launcher);
        both.put("TWINSYNC_HOME", home.toString());
        StartedTwinsync withVariable = StartedTwinsync.withSettingsFile(file, both, Map.of(), "batches");
        assertThat(withVariable.output())
                .contains("No batches in " + home.toAbsolutePath().resolve("staging"));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheSettingTheValueAndWhatItTakes() {
        Map<String, String> variables = variables();
        variables.put("TWINSYNC_WRITER_CONCURRENCY", "lots");

        StartedTwinsync run = StartedTwinsync.run(variables, Map.of(), "batches");

        assertThat(run.code()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains("Setting twinsync.writer.concurrency is 'lots' (environment variable"
                        + " TWINSYNC_WRITER_CONCURRENCY); it takes a whole number")
                .doesNotContain("For input string");
        assertNoStackTrace(run);
    }

    @Test
    void aScheduleCronSettingThatIsNotSpringsSixFieldsStopsTheStartWithExitOneAndAnExample() {
        Map<String, String> variables = variables();
        variables.put("TWINSYNC_SCHEDULE_CRON", "0 * * * *");

        StartedTwinsync run = StartedTwinsync.run(variables, Map.of(), "schedule");

        assertThat(run.code()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains("Setting twinsync.schedule.cron is '0 * * * *'")
                .contains("such as \"0 0 * * * *\" (every hour)");
        assertNoStackTrace(run);
    }

    @Test
    void aWrongTypeInTheSettingsFileNamesItsLineAndColumn() throws IOException {
        Path file = settingsFile("twinsync:\n  writer:\n    limits:\n      patches: lots\n");

        StartedTwinsync run = StartedTwinsync.withSettingsFile(file, variables(), Map.of(), "batches");

        assertThat(run.code()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains("Setting twinsync.writer.limits.patches is 'lots' (" + file.toAbsolutePath()
                        + ", line 4, column 16); it takes a number");
    }

    @Test
    void aMalformedSettingsFileNamesTheFileLineAndColumnWithoutAStackTrace() throws IOException {
        // given a settings file whose last line is indented one space less than its siblings
        Path file = settingsFile("twinsync:\n  writer:\n    concurrency: 8\n   maxRetries: 3\n");

        // when twinsync starts
        StartedTwinsync run = StartedTwinsync.withSettingsFile(file, variables(), Map.of(), "batches");

        // then one line names the file and where YAML stopped making sense, and no trace comes before it
        assertThat(run.code()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .startsWith("twinsync could not start: " + file.toAbsolutePath() + " is not valid YAML: line 4,"
                        + " column 4:");
        assertThat(run.output().strip().lines()).hasSize(1);
        assertNoStackTrace(run);
    }

    @Test
    void aTabInTheSettingsFileIsRefusedTheSameWay() throws IOException {
        Path file = settingsFile("twinsync:\n\twriter:\n    concurrency: 8\n");

        StartedTwinsync run = StartedTwinsync.withSettingsFile(file, variables(), Map.of(), "batches");

        assertThat(run.code()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains(file.toAbsolutePath() + " is not valid YAML: line 2, column 1");
        assertNoStackTrace(run);
    }

    private Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("TWINSYNC_HOME", home.toString());
        return variables;
    }

    private Path settingsFile(String yaml) throws IOException {
        return Files.writeString(home.resolve("twinsync.yaml"), yaml);
    }

    static void assertNoStackTrace(StartedTwinsync run) {
        PlainMessages.assertPlain(run.output());
    }
}
