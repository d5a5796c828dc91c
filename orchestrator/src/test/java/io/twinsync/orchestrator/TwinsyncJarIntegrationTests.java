package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagingStore;
import io.twinsync.staging.StateLock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar in separate JVMs, as {@code ./twinsync} does, so that what one command leaves behind (the
 * sample ERP, the emulator's graph, the writer's record) is what the next one finds.
 */
class TwinsyncJarIntegrationTests {

    @TempDir
    Path home;

    @Test
    void stateCarriesOverBetweenCommands() throws Exception {
        // given a first run in a fresh home
        Result first = twinsync("run");
        assertThat(first.code).as(first.output).isZero();
        assertThat(first.output).containsPattern("twins +\\d+ created, 0 patched");

        // when the same data is synced by a new process
        Result second = twinsync("run");

        // then nothing is created or patched, and the twin can be read by a third process
        assertThat(second.code).as(second.output).isZero();
        assertThat(second.output).contains("twins          0 created, 0 patched");
        assertThat(second.output).as("only the model check is sent").contains("requests   1 sent");
        Result twin = twinsync("twin", "asset-PMP-0001");
        assertThat(twin.code).as(twin.output).isZero();
        assertThat(twin.output).contains("\"$dtId\" : \"asset-PMP-0001\"");
    }

    @Test
    void aBadSettingFailsWithAMessageAndExitCodeOne() throws Exception {
        Result run = twinsync("-Dtwinsync.target.endpoint=http://not-https.example", "run");

        assertThat(run.code).isEqualTo(1);
        assertThat(run.output).contains("twinsync.target.endpoint").contains("https://");
    }

    @Test
    void anUnreachableSourceFailsBeforeABatchWithoutStackTraceOrPassword() throws Exception {
        // given a source database that is not there, with a password in the settings
        Result run = twinsyncWith(
                Map.of(
                        "TWINSYNC_SOURCE_URL", "jdbc:postgresql://127.0.0.1:1/erp?password=hunter2secret",
                        "TWINSYNC_SOURCE_PASSWORD", "hunter2secret"),
                "run");

        // then the run stops before it creates a batch, in plain words, and the secret appears nowhere
        assertThat(run.code).isEqualTo(1);
        assertThat(run.output).contains("Cannot connect to the source database").doesNotContain("twinsync run: batch");
        assertThat(run.output).doesNotContain("hunter2secret").doesNotContain("\tat ");
        assertThat(run.output).doesNotContain("Exception");
        assertThat(home.resolve("staging/batches")).doesNotExist();
    }

    @Test
    void aMalformedSettingsFileIsNamedWithItsLineAndColumnAndNoStackTrace() throws Exception {
        // given a twinsync.yaml in the working folder with a line indented wrongly
        Files.writeString(
                home.resolve("twinsync.yaml"), "twinsync:\n  writer:\n    concurrency: 8\n   maxRetries: 3\n");

        // when twinsync starts there, as ./twinsync would
        Result run = twinsync("batches");

        // then one line names the file and the place, and nothing else is printed
        assertThat(run.code).isEqualTo(1);
        assertThat(run.output.strip())
                .startsWith("twinsync could not start: "
                        + home.resolve("twinsync.yaml").toAbsolutePath() + " is not valid YAML: line 4, column 4")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
        assertThat(run.output.strip().lines()).hasSize(1);
    }

    @Test
    void aMistypedSettingIsRefusedNamingTheNearestOneAndNoStackTrace() throws Exception {
        Result run = twinsyncWith(Map.of("TWINSYNC_WRITER_CONCURENCY", "8"), "-Dtwinsync.writer.maxretris=3", "run");

        assertThat(run.code).isEqualTo(1);
        assertThat(run.output)
                .contains("TWINSYNC_WRITER_CONCURENCY")
                .contains("did you mean TWINSYNC_WRITER_CONCURRENCY (twinsync.writer.concurrency)?")
                .contains("twinsync.writer.maxretris")
                .contains("did you mean twinsync.writer.max-retries?")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
        assertThat(home.resolve("staging/batches")).doesNotExist();
    }

    @Test
    void aRunWhileAnotherProcessHoldsTheTargetStopsAtOnce() throws Exception {
        // given this process holding the target's run lock, as a 'twinsync run' does while it runs
        StagingStore staging = new LocalStagingStore(home.resolve("staging"));
        try (StateLock held = staging.state().lock("writer/adt.example.invalid/run.lock")) {
            // when another process starts a run against the same target
            Result run = twinsyncWith(Map.of("TWINSYNC_TARGET_ENDPOINT", "https://adt.example.invalid"), "run");

            // then it stops before reading anything with exit code 4, saying which process holds the target
            assertThat(run.code).as(run.output).isEqualTo(4);
            assertThat(run.output)
                    .contains("Another twinsync run holds the target https://adt.example.invalid: pid "
                            + ProcessHandle.current().pid() + " on host ")
                    .doesNotContain("twinsync run: batch")
                    .doesNotContain("Exception");
            assertThat(staging.listBatches()).isEmpty();
        }
    }

    @Test
    void anEmulatorStoppedBySigtermSavesItsGraphAndEndsWithoutAStackTrace() throws Exception {
        // given a standalone emulator started as a user would, on a free port
        Process emulator = start("emulator", "--port", "0");
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (line.startsWith("Press Ctrl-C")) {
                    break;
                }
            }

            // when it is stopped as Ctrl-C or a service manager stops it
            emulator.toHandle().destroy(); // SIGTERM, leaving our end of its output open
            assertThat(emulator.waitFor(1, TimeUnit.MINUTES)).isTrue();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
            }
        }

        // then it saved its graph and said nothing a user should not see
        assertThat(output).contains("ADT emulator listening on");
        assertThat(output.toString()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(home.resolve("adt-emulator/snapshot.json")).exists();
    }

    private Result twinsync(String... args) throws IOException, InterruptedException {
        return twinsyncWith(Map.of(), args);
    }

    private Result twinsyncWith(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        int i = 0;
        while (i < args.length && args[i].startsWith("-D")) {
            i++;
        }
        List<String> command = javaJar(List.of(args).subList(0, i));
        command.addAll(List.of(args).subList(i, args.length));
        Process process = start(environment, command);
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        Files.writeString(home.resolve("last-output.txt"), text);
        return new Result(process.exitValue(), text);
    }

    /** {@code java <jvmFlags> -jar twinsync.jar}, to which the command's arguments are added. */
    private static List<String> javaJar(List<String> jvmFlags) {
        Path jar = Path.of("target", "twinsync.jar").toAbsolutePath();
        assertThat(jar).as("the packaged CLI; run 'mvn package' first").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    private Process start(String... args) throws IOException {
        List<String> command = javaJar(List.of());
        command.addAll(List.of(args));
        return start(Map.of(), command);
    }

    private Process start(Map<String, String> environment, List<String> command) throws IOException {
        // In the home folder, where a test may put a twinsync.yaml as a user puts one in the working folder.
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("TWINSYNC_HOME", home.toString());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private record Result(int code, String output) {}
}
