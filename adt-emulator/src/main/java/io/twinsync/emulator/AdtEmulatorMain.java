package io.twinsync.emulator;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator as a process: {@code --port N} (default 8443) and {@code --state-dir DIR} (snapshot and TLS
 * files; default {@code $TWINSYNC_HOME/adt-emulator}, or {@code ./.twinsync/adt-emulator}), plus the rate-limit and
 * fault flags of {@link TuningOptions} ({@code --limits off}, {@code --fail-rate 0.05}, ...), and
 * {@code --events-file FILE} to write the event notifications of the instance's event routes to FILE (NDJSON). Prints
 * the endpoint and the certificate's PEM path, then serves until the process is stopped; a shutdown hook completes the
 * events file and saves the snapshot.
 */
public final class AdtEmulatorMain {

    private AdtEmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        int port = 8443;
        Path stateDir = defaultStateDir();
        Path eventsFile = null;
        TuningOptions tuning = new TuningOptions();
        for (int i = 0; i < args.length; i++) {
            if (TuningOptions.SWITCHES.contains(args[i])) {
                tuning.enable(args[i]);
                continue;
            }
            if (TuningOptions.FLAGS.contains(args[i])) {
                String flag = args[i];
                try {
                    tuning.set(flag, value(args, ++i, flag));
                } catch (IllegalArgumentException e) {
                    System.err.println("Bad " + flag + ": " + e.getMessage());
                    System.exit(2);
                }
                continue;
            }
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--state-dir" -> stateDir = Path.of(value(args, ++i, "--state-dir"));
                case "--events-file" -> eventsFile = eventsFile(value(args, ++i, "--events-file"));
                case "--help", "-h" -> {
                    out.println("Usage: AdtEmulatorMain [--port N (default 8443)] [--state-dir DIR] [--events-file"
                            + " FILE] [rate limit and fault options]");
                    out.println("  --events-file FILE        append the notifications of the event routes to FILE, one"
                            + " JSON line each (default: none)");
                    out.print(TuningOptions.USAGE);
                    return;
                }
                default -> {
                    System.err.println("Unknown option '" + args[i] + "'. Use --port N, --state-dir DIR,"
                            + " --events-file FILE, or see --help for the rate limit and fault options.");
                    System.exit(2);
                }
            }
        }
        AdtEmulator emulator = tuning.applyTo(AdtEmulator.builder())
                .port(port)
                .snapshotFile(stateDir.resolve("snapshot.json"))
                .tlsDirectory(stateDir.resolve("tls"))
                .eventsFile(eventsFile)
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            emulator.close();
                            stopped.countDown();
                        },
                        "adt-emulator-shutdown"));
        out.println("ADT emulator endpoint: " + emulator.endpoint());
        out.println("Certificate (PEM): " + emulator.certificatePemFile().orElseThrow());
        out.println("Snapshot: " + stateDir.resolve("snapshot.json").toAbsolutePath());
        out.println("Rate limits: " + emulator.rateLimits().describe());
        out.println("Faults: " + emulator.faults().describe());
        out.println("Events: "
                + (eventsFile == null ? "off (--events-file FILE to write them)" : eventsFile.toAbsolutePath()));
        out.flush();
        stopped.await();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[index];
    }

    private static Path eventsFile(String value) {
        Path file = Path.of(value);
        if (Files.isDirectory(file)) {
            System.err.println("--events-file " + value + " is a folder; name a file inside it, such as "
                    + file.resolve("events.ndjson"));
            System.exit(2);
        }
        return file;
    }

    private static Path defaultStateDir() {
        String home = System.getenv("TWINSYNC_HOME");
        Path base = home == null || home.isBlank() ? Path.of(".twinsync") : Path.of(home);
        return base.resolve("adt-emulator");
    }
}
