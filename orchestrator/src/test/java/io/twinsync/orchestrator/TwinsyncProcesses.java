package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged CLI run as a user runs it, each command in its own JVM, and standalone emulators as separate
 * processes that can be stopped or killed: for tests where what one process leaves behind is what the next finds.
 */
final class TwinsyncProcesses {

    private TwinsyncProcesses() {}

    /** What one command did. */
    record Result(int code, String output) {}

    /** Runs {@code twinsync args...} with {@code TWINSYNC_HOME=home} and the given environment, to its end. */
    static Result run(Path home, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Process process = start(home, environment, List.of(args));
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    static Process start(Path home, Map<String, String> environment, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The suite's own settings (scripts/reliability.sh) are not twinsync's, which refuses unknown TWINSYNC_* names.
        builder.environment().keySet().removeIf(name -> name.startsWith("TWINSYNC_RELIABILITY_"));
        builder.environment().put("TWINSYNC_HOME", home.toString());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /**
     * {@code java ... -jar} for the packaged CLI, started as the launcher ({@code ./twinsync}) starts it: unpacked with
     * its class data sharing archive when the build made them from this twinsync.jar, the jar itself otherwise.
     */
    static List<String> javaCommand() {
        Path jar = Path.of("target", "twinsync.jar").toAbsolutePath();
        assertThat(jar).as("the packaged CLI; run 'mvn package' first").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Short-lived JVMs, dozens per test class: the quick compiler alone starts them sooner on a 2-core machine.
        command.add("-XX:TieredStopAtLevel=1");
        Path cli = jar.resolveSibling("cli");
        try {
            if (Files.exists(cli.resolve("complete"))
                    && Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(cli.resolve("complete")))
                            <= 0) {
                command.add("-XX:SharedArchiveFile=" + cli.resolve("twinsync.jsa"));
                command.add("-Xshare:auto");
                command.add("-Xlog:cds=off,cds+dynamic=off");
                jar = cli.resolve("twinsync.jar");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /** The embedded sample ERP of a home, for JDBC from the test while no twinsync process holds it. */
    static String sampleErpUrl(Path home) {
        return "jdbc:h2:file:" + home.resolve("sample-erp").resolve("erp")
                + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
    }

    static void sql(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    /** A run that ended {@code OK}, exit code 0. */
    static void assertOk(Result result) {
        assertThat(result.code()).as(result.output()).isZero();
        assertThat(result.output()).contains("result     OK");
    }

    /**
     * What a first load of the home's source into an empty target makes: a copy of its sample ERP synced by a new
     * home into a new emulator (without rate limits), under {@code scratch}.
     */
    static GraphDump cleanFirstLoad(Path home, Path scratch) throws Exception {
        Path fresh = Files.createTempDirectory(scratch, "first-load");
        copyFolder(home.resolve("sample-erp"), fresh.resolve("sample-erp"));
        try (StandaloneEmulator empty =
                new StandaloneEmulator(fresh.resolve("adt"), freePort(), "--limits", "off").start()) {
            assertOk(run(fresh, empty.target(), "run"));
            return GraphDump.of(empty.endpoint(), empty.certificate());
        }
    }

    /** {@link #singleWriterFirstLoad}, made once per test JVM. */
    private static GraphDump singleWriterFirstLoad;

    /**
     * What one writer in one process ({@code --partitions 1}) makes of the sample ERP in an empty target, the reference
     * the classes compare their runs with: every home holds the same sample (it is seeded from one script), so it is
     * written once per test JVM, in {@code scratch} of the first class that asks.
     */
    static synchronized GraphDump singleWriterFirstLoad(Path scratch) throws Exception {
        if (singleWriterFirstLoad == null) {
            singleWriterFirstLoad = writeSingleWriterFirstLoad(scratch);
        }
        return singleWriterFirstLoad;
    }

    private static GraphDump writeSingleWriterFirstLoad(Path scratch) throws Exception {
        Path home = scratch.resolve("reference");
        run(home, Map.of(), "sample-erp", "sql", "SELECT 1");
        try (StandaloneEmulator empty =
                new StandaloneEmulator(scratch.resolve("adt-reference"), freePort(), "--limits", "off").start()) {
            assertOk(run(home, empty.target(), "run", "--partitions", "1"));
            GraphDump graph = GraphDump.of(empty.endpoint(), empty.certificate());
            assertThat(graph.twins()).hasSize(347);
            assertThat(graph.relationships()).hasSize(610);
            return graph;
        }
    }

    static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** {@code twinsync emulator} in its own process, its graph in {@code home/adt-emulator}, on a fixed port. */
    static final class StandaloneEmulator implements AutoCloseable {

        private final Path home;
        private final int port;
        private final List<String> flags;
        private Process process;

        StandaloneEmulator(Path home, int port, String... flags) {
            this.home = home;
            this.port = port;
            this.flags = List.of(flags);
        }

        /** Starts it and waits until it listens; it loads the graph it last saved. */
        StandaloneEmulator start() throws IOException {
            List<String> args = new ArrayList<>(List.of("emulator", "--port", Integer.toString(port)));
            args.addAll(flags);
            process = TwinsyncProcesses.start(home, Map.of(), args);
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                seen.append(line).append('\n');
                if (line.startsWith("Press Ctrl-C")) {
                    // keep draining its output, so that it never blocks on a full pipe
                    Thread drain = new Thread(() -> lines.lines().forEach(l -> {}), "emulator-output-" + port);
                    drain.setDaemon(true);
                    drain.start();
                    return this;
                }
            }
            throw new IllegalStateException("The emulator ended before it listened:\n" + seen);
        }

        /** Stops it as Ctrl-C would: it saves its graph. */
        void stop() throws InterruptedException {
            process.toHandle().destroy();
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }

        /** Kills it (SIGKILL): every write since its last save is lost, as when a service loses recent writes. */
        void kill() throws InterruptedException {
            process.toHandle().destroyForcibly();
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }

        /** The settings that point twinsync at it. */
        Map<String, String> target() {
            Map<String, String> environment = new HashMap<>();
            environment.put("TWINSYNC_TARGET_ENDPOINT", endpoint());
            environment.put("TWINSYNC_TARGET_TRUST_CERTIFICATE", certificate().toString());
            return environment;
        }

        String endpoint() {
            return "https://localhost:" + port;
        }

        Path certificate() {
            return home.resolve("adt-emulator/tls/emulator-cert.pem");
        }

        @Override
        public void close() {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
