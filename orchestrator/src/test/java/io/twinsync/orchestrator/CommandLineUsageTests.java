package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What the command line answers when it is used wrongly, or asked about batches before any ran. */
@SpringBootTest
class CommandLineUsageTests {

    static final Path home = createHome();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("twinsync.home", home::toString);
    }

    @Autowired
    TwinsyncCommandLine cli;

    @Test
    void anUnknownOptionExitsTwoAndNamesTheOption() {
        Result result = cli("run", "--bogus");

        assertThat(result.code).isEqualTo(2);
        assertThat(result.err).contains("--bogus");
    }

    @Test
    void aMissingParameterExitsTwo() {
        Result result = cli("twin");

        assertThat(result.code).isEqualTo(2);
        assertThat(result.err).contains("<id>");
    }

    @Test
    void noCommandShowsTheUsageAndExitsTwo() {
        Result result = cli();

        assertThat(result.code).isEqualTo(2);
        assertThat(result.err).contains("twinsync needs a command").contains("run");
    }

    @Test
    void aBadEmulatorFaultSettingExitsTwoBeforeStartingAnything() {
        Result result = cli("emulator", "--fail-rate", "2");

        assertThat(result.code).isEqualTo(2);
        assertThat(result.err).contains("--fail-rate");
    }

    @Test
    void validateFindsNoProblemInTheSampleMappingAndWritesNothing() {
        Result result = cli("validate", "--rows", "50");

        assertThat(result.code).as(result.toString()).isZero();
        assertThat(result.out).contains("no problems");
        assertThat(home.resolve("staging/batches")).doesNotExist();
    }

    @Test
    void batchesBeforeAnyRunSaysHowToMakeOne() {
        Result result = cli("batches");

        assertThat(result.code).isZero();
        assertThat(result.out).contains("No batches").contains("twinsync run");
    }

    private Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = cli.build(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static Path createHome() {
        try {
            return Files.createTempDirectory(Path.of("target"), "cli-usage-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(int code, String out, String err) {}
}
