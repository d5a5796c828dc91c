package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

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
    void anUnreachableSourceFailsWithoutStackTraceOrPassword() throws Exception {
        // given a source database that is not there, with a password in the settings
        Result run = twinsyncWith(
                Map.of(
                        "TWINSYNC_SOURCE_URL", "jdbc:postgresql://127.0.0.1:1/erp?password=hunter2secret",
                        "TWINSYNC_SOURCE_PASSWORD", "hunter2secret"),
                "run");

        // then the run fails in the extract step, in plain words, and the secret appears nowhere
        assertThat(run.code).isEqualTo(1);
        assertThat(run.output).contains("failed in the extract step");
        assertThat(run.output).doesNotContain("hunter2secret").doesNotContain("\tat ");
        assertThat(run.output).contains("twinsync batches").doesNotContain("Exception in thread");
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
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TWINSYNC_HOME", home.toString());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private record Result(int code, String output) {}
}
