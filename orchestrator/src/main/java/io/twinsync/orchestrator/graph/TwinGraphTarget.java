package io.twinsync.orchestrator.graph;

import com.azure.digitaltwins.core.DigitalTwinsClient;
import io.twinsync.emulator.AdtEmulator;
import io.twinsync.emulator.TuningOptions;
import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.writer.AdtClients;
import io.twinsync.writer.AdtTarget;
import io.twinsync.writer.WriterSettings;
import io.twinsync.writer.client.PemCertificate;
import io.twinsync.writer.models.TargetModels;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The ADT instance, connected on first use. Without a configured endpoint it starts the embedded emulator, whose
 * graph persists in {@code home/adt-emulator} between commands.
 */
@Component
public class TwinGraphTarget implements DisposableBean {

    private final TwinsyncProperties properties;
    private EmulatorHome emulatorHome;
    private AdtEmulator emulator;
    private AdtTarget target;
    private DigitalTwinsClient client;

    public TwinGraphTarget(TwinsyncProperties properties) {
        this.properties = properties;
    }

    public synchronized DigitalTwinsClient client() {
        if (client == null) {
            client = AdtClients.create(target(), writerSettings());
        }
        return client;
    }

    public synchronized AdtTarget target() {
        if (target == null) {
            target = properties.target().embedded() ? startEmulator() : configured();
        }
        return target;
    }

    public WriterSettings writerSettings() {
        return properties.writer().settings();
    }

    /** The target's models, through the writer's client, retries and rate limits. */
    public TargetModels models() {
        return new TargetModels(client(), target().endpoint(), writerSettings());
    }

    /**
     * A key for the writer's record of what it wrote to this target. The embedded emulator's key changes whenever
     * its graph starts afresh, so a deleted emulator state is never mistaken for an up-to-date graph.
     */
    public synchronized String stateKey() {
        AdtTarget adt = target();
        return emulator != null ? "emulator-" + emulatorHome.instanceId(emulator) : adt.stateKey();
    }

    /** Saves the embedded emulator's graph now, so that it is on disk before anything relies on it. */
    public synchronized void checkpoint() {
        if (emulator != null) {
            emulator.saveSnapshot();
        }
    }

    /** How to name the target in output. */
    public String description() {
        return properties.target().embedded()
                ? "embedded ADT emulator (" + properties.home().resolve("adt-emulator") + ")"
                : properties.target().endpoint();
    }

    private AdtTarget startEmulator() {
        emulatorHome = EmulatorHome.lock(properties.home());
        TuningOptions tuning = new TuningOptions();
        tuning.set("--limits", properties.target().emulatorLimits());
        emulator = emulatorHome.start(0, tuning);
        return new AdtTarget(emulator.endpoint(), Optional.of(emulator.certificate()));
    }

    private AdtTarget configured() {
        Path pem = properties.target().trustCertificate();
        return new AdtTarget(
                URI.create(properties.target().endpoint()),
                Optional.ofNullable(pem).map(PemCertificate::read));
    }

    @Override
    public synchronized void destroy() {
        if (emulator != null) {
            emulator.close();
        }
        if (emulatorHome != null) {
            emulatorHome.close();
        }
    }
}
