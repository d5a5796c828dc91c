package io.twinsync.orchestrator.cli;

import io.twinsync.emulator.AdtEmulator;
import io.twinsync.emulator.TuningOptions;
import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.graph.EmulatorHome;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code twinsync emulator}: runs the ADT emulator standalone until interrupted. */
@Component
@Scope("prototype")
@Command(
        name = "emulator",
        mixinStandardHelpOptions = true,
        description = "Runs the local ADT emulator standalone (HTTPS, self-signed certificate) until Ctrl-C. Its"
                + " graph is the one 'twinsync run' writes to by default.")
public class EmulatorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8443", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--limits",
            paramLabel = "service|off",
            description = "ADT's per-second rate limits, or none (default: service).")
    String limits;

    @Option(
            names = "--limit",
            paramLabel = "CLASS=N|off",
            description = "Change one limit; CLASS is reads, patches, creates-deletes, twin-writes, queries, models,"
                    + " jobs or event-routes. Repeatable.")
    List<String> limitChanges = List.of();

    @Option(
            names = "--fail-rate",
            paramLabel = "R",
            description = "Answer a share R (0..1) of requests with a server error.")
    String failRate;

    @Option(names = "--fail-status", paramLabel = "S", description = "That error: 500, 502, 503 or 504 (default 503).")
    String failStatus;

    @Option(
            names = "--latency",
            paramLabel = "A[..B]",
            description = "Delay every request by A, plus up to B-A at random, e.g. 20ms..50ms.")
    String latency;

    @Option(
            names = "--drop-rate",
            paramLabel = "R",
            description = "Close a share R (0..1) of connections without an answer.")
    String dropRate;

    @Option(
            names = "--consistency-delay",
            paramLabel = "D",
            description =
                    "Refuse relationships to twins created less than D ago, as ADT does for a short while, e.g. 500ms.")
    String consistencyDelay;

    @Option(names = "--fault-seed", paramLabel = "N", description = "Seed the fault dice, for repeatable runs.")
    String faultSeed;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Worker threads answering requests (default 16). Latency holds none of them: the answer waits"
                    + " on a timer.")
    String threads;

    @Option(
            names = "--refuse-access",
            description = "Answer every request 403 with an empty body, as ADT answers an identity without the"
                    + " 'Azure Digital Twins Data Owner' role: to see what twinsync says then.")
    boolean refuseAccess;

    @Option(
            names = "--events-file",
            paramLabel = "FILE",
            description = "Append the event notifications of the emulator's event routes to FILE, one JSON line each"
                    + " (CloudEvents attributes, data, routeId, endpointName). Default: no notifications.")
    Path eventsFile;

    private final TwinsyncProperties properties;

    public EmulatorCommand(TwinsyncProperties properties) {
        this.properties = properties;
    }

    @Override
    public Integer call() throws Exception {
        TuningOptions tuning = tuning();
        checkEventsFile();
        EmulatorHome home = EmulatorHome.lock(properties.home());
        AdtEmulator emulator = home.start(port, tuning, eventsFile);
        CountDownLatch stopped = new CountDownLatch(1);
        // The JVM does not wait for the main thread once shutdown hooks finish, so the hook itself saves the graph.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            emulator.close();
                            home.close();
                            stopped.countDown();
                        },
                        "emulator-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("ADT emulator listening on %s%n", emulator.endpoint());
        out.printf("Certificate to trust: %s%n", home.certificatePem());
        out.printf("State: %s (saved on exit)%n", home.snapshot());
        out.printf("Rate limits: %s%n", emulator.rateLimits().describe());
        if (refuseAccess) {
            out.println("Refusing every request (403, empty body), as ADT refuses an identity without a role.");
        }
        out.printf(
                "Event notifications: %s%n",
                eventsFile == null ? "off (--events-file FILE to write them)" : eventsFile.toAbsolutePath());
        out.printf(
                "Use it from another shell with TWINSYNC_TARGET_ENDPOINT=%s TWINSYNC_TARGET_TRUST_CERTIFICATE=%s"
                        + ".%n",
                emulator.endpoint(), home.certificatePem());
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return ExitCode.OK.code();
    }

    /** The limit and fault flags, read by the emulator's own parser so both launchers accept the same values. */
    private TuningOptions tuning() {
        TuningOptions tuning = new TuningOptions();
        try {
            set(tuning, "--limits", limits);
            limitChanges.forEach(change -> tuning.set("--limit", change));
            set(tuning, "--fail-rate", failRate);
            set(tuning, "--fail-status", failStatus);
            set(tuning, "--latency", latency);
            set(tuning, "--drop-rate", dropRate);
            set(tuning, "--consistency-delay", consistencyDelay);
            set(tuning, "--fault-seed", faultSeed);
            set(tuning, "--threads", threads);
            if (refuseAccess) {
                tuning.enable("--refuse-access");
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return tuning;
    }

    /** Refused before anything starts, so a typo never leaves a half-started emulator holding the state lock. */
    private void checkEventsFile() {
        if (eventsFile != null && Files.isDirectory(eventsFile)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--events-file " + eventsFile + " is a folder; name a file inside it, such as "
                            + eventsFile.resolve("events.ndjson"));
        }
    }

    private static void set(TuningOptions tuning, String flag, String value) {
        if (value != null) {
            tuning.set(flag, value);
        }
    }
}
