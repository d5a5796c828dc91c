package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What the command line answers when it is used wrongly, or asked about batches before any ran. */
@SpringBootTest
class CommandLineUsageTests {

    static final Path home = CliRun.newHome("cli-usage-");

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
    }

    @Autowired
    TwinsyncCommandLine cli;

    @Test
    void anUnknownOptionExitsTwoAndNamesTheOption() {
        CliRun result = cli("run", "--bogus");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--bogus");
    }

    @Test
    void aMissingParameterExitsTwo() {
        CliRun result = cli("twin");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("<id>");
    }

    @Test
    void noCommandShowsTheUsageAndExitsTwo() {
        CliRun result = cli();

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("twinsync needs a command").contains("run");
    }

    @Test
    void aBadEmulatorFaultSettingExitsTwoBeforeStartingAnything() {
        CliRun result = cli("emulator", "--fail-rate", "2");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--fail-rate");
    }

    @Test
    void anEventsFileThatIsAFolderExitsTwoBeforeStartingAnything() {
        CliRun result = cli("emulator", "--events-file", home.toString());

        // an emulator that started would have said where it listens (other tests here start the embedded one, so
        // its state folder is no evidence either way)
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--events-file").contains("is a folder");
        assertThat(result.out()).doesNotContain("listening");
    }

    @Test
    void scheduleWithACrontabLineExitsTwoNamingItWithAnExampleBeforeStartingAnything() {
        CliRun result = cli("schedule", "--cron", "0 * * * *");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .contains("--cron \"0 * * * *\" is refused")
                .contains("such as \"0 0 * * * *\" (every hour)")
                .contains("a seconds field first: \"0 0 * * * *\"");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void scheduleWithoutACronOrAZoneThatIsNoneExitsTwoSayingWhatToGive() {
        CliRun noCron = cli("schedule");
        CliRun badZone = cli("schedule", "--cron", "@hourly", "--zone", "Mars/Olympus");

        assertThat(noCron.code()).isEqualTo(2);
        assertThat(noCron.err()).contains("--cron \"0 0 * * * *\"").contains("twinsync.schedule.cron");
        assertThat(badZone.code()).isEqualTo(2);
        assertThat(badZone.err()).contains("--zone Mars/Olympus is refused").contains("Europe/Paris");
    }

    @Test
    void validateFindsNoProblemInTheSampleMappingAndWritesNothing() {
        CliRun result = cli("validate", "--rows", "50");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("no problems");
        assertThat(home.resolve("staging/batches")).doesNotExist();
    }

    @Test
    void batchesBeforeAnyRunSaysHowToMakeOne() {
        CliRun result = cli("batches");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("No batches").contains("twinsync run");
    }

    private CliRun cli(String... args) {
        return CliRun.of(cli, args);
    }
}
