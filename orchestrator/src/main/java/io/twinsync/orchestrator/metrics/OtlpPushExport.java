package io.twinsync.orchestrator.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code otlp}: pushed to an OpenTelemetry collector over OTLP/HTTP (protobuf), cumulative: at the end of every
 * batch, every minute while twinsync runs (Micrometer's own schedule, for a long {@code schedule}), and when it stops.
 */
final class OtlpPushExport implements MeterExport {

    private static final Logger log = LoggerFactory.getLogger(OtlpPushExport.class);

    private final PushingRegistry registry;
    private final String url;

    OtlpPushExport(String url) {
        this.url = url;
        Map<String, String> config =
                Map.of("otlp.url", url.strip(), "otlp.resourceAttributes", "service.name=twinsync", "otlp.step", "1m");
        this.registry = new PushingRegistry(config::get);
    }

    @Override
    public Optional<MeterRegistry> registry() {
        return Optional.of(registry);
    }

    @Override
    public void export() {
        try {
            registry.push();
        } catch (RuntimeException e) {
            log.warn(
                    "Cannot push metrics to {} (twinsync.metrics.otlp-url): {}; the batch is not affected",
                    url,
                    e.toString());
        }
    }

    @Override
    public void close() {
        registry.close(); // pushes once more
    }

    /** Micrometer's OTLP registry, told to push now. */
    private static final class PushingRegistry extends OtlpMeterRegistry {

        PushingRegistry(OtlpConfig config) {
            super(config, Clock.SYSTEM);
        }

        void push() {
            publish();
        }
    }
}
