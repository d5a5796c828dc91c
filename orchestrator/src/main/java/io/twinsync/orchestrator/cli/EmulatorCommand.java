package io.twinsync.orchestrator.cli;

import io.twinsync.emulator.AdtEmulator;
import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.graph.EmulatorHome;
import java.io.PrintWriter;
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
        EmulatorHome home = EmulatorHome.lock(properties.home());
        AdtEmulator emulator = home.start(port);
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
        out.printf(
                "Use it from another shell with TWINSYNC_TARGET_ENDPOINT=%s TWINSYNC_TARGET_TRUST_CERTIFICATE=%s"
                        + ".%n",
                emulator.endpoint(), home.certificatePem());
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return ExitCode.OK.code();
    }
}
