package io.twinsync.orchestrator.cli;

import io.twinsync.emulator.AdtEmulator;
import io.twinsync.orchestrator.config.TwinsyncProperties;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    private final TwinsyncProperties properties;

    public EmulatorCommand(TwinsyncProperties properties) {
        this.properties = properties;
    }

    @Override
    public Integer call() throws Exception {
        Path dir = properties.home().resolve("adt-emulator");
        CountDownLatch stopped = new CountDownLatch(1);
        try (AdtEmulator emulator = AdtEmulator.builder()
                .port(port)
                .snapshotFile(dir.resolve("snapshot.json"))
                .tlsDirectory(dir.resolve("tls"))
                .start()) {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("ADT emulator listening on %s%n", emulator.endpoint());
            out.printf("Certificate to trust: %s%n", dir.resolve("tls").resolve("emulator-cert.pem"));
            out.printf("State: %s (saved on exit)%n", dir.resolve("snapshot.json"));
            out.println("Press Ctrl-C to stop.");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "emulator-stop"));
            stopped.await();
        }
        return ExitCode.OK.code();
    }
}
