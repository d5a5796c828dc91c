package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

    private Result twinsync(String... args) throws IOException, InterruptedException {
        return twinsyncWith(Map.of(), args);
    }

    private Result twinsyncWith(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Path jar = Path.of("target", "twinsync.jar").toAbsolutePath();
        assertThat(jar).as("the packaged CLI; run 'mvn package' first").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        int i = 0;
        while (i < args.length && args[i].startsWith("-D")) {
            command.add(args[i++]);
        }
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args).subList(i, args.length));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TWINSYNC_HOME", home.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        Files.writeString(home.resolve("last-output.txt"), text);
        return new Result(process.exitValue(), text);
    }

    private record Result(int code, String output) {}
}
