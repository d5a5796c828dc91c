package io.twinsync.orchestrator.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.ipc.http.HttpUrlConnectionSender;
import io.micrometer.registry.otlp.OtlpHttpMetricsSender;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.micrometer.registry.otlp.OtlpMetricsSender;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code otlp}: pushed to an OpenTelemetry collector over OTLP/HTTP (protobuf), cumulative, on Micrometer's own
 * schedule: every {@value #STEP} while twinsync runs (a long {@code schedule}), and once more when it stops, which for
 * {@code run} is right after its batch. Micrometer's registry pushes only so; it has no "push now" for a registry
 * that sends through a sender of one's own, and its own sender logs a collector that does not answer with a stack
 * trace, where twinsync says one line.
 */
final class OtlpPushExport implements MeterExport {

    private static final Logger log = LoggerFactory.getLogger(OtlpPushExport.class);

    static final String STEP = "1m";

    private final OtlpMeterRegistry registry;

    OtlpPushExport(String url) {
        Map<String, String> config =
                Map.of("otlp.url", url.strip(), "otlp.resourceAttributes", "service.name=twinsync", "otlp.step", STEP);
        this.registry = OtlpMeterRegistry.builder(config::get)
                .metricsSender(new PlainFailures(new OtlpHttpMetricsSender(new HttpUrlConnectionSender())))
                .build();
    }

    @Override
    public Optional<MeterRegistry> registry() {
        return Optional.of(registry);
    }

    /** Nothing: the registry pushes every {@value #STEP}, and when twinsync stops. */
    @Override
    public void export() {}

    @Override
    public void close() {
        registry.close(); // pushes once more
    }

    /** A push that fails is one warning naming the setting, never a stack trace, and never fails anything. */
    private record PlainFailures(OtlpMetricsSender sender) implements OtlpMetricsSender {

        @Override
        public void send(Request request) {
            try {
                sender.send(request);
            } catch (Exception e) {
                log.warn(
                        "Cannot push metrics to {} (twinsync.metrics.otlp-url): {}; the batch is not affected",
                        request.getAddress(),
                        e.getCause() != null ? e.getCause().toString() : e.toString());
            }
        }
    }
}
